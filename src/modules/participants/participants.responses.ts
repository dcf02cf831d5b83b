import type { ParticipantResponse } from './dto/participant.response.js';
import type { ParticipantRow } from './participants.repository.js';

/** A participant row as the API answers it. */
export function participantResponse(row: ParticipantRow): ParticipantResponse {
  return {
    id: row.id,
    councilId: row.council_id,
    kind: row.kind,
    name: row.name,
    isoCode: row.iso_code,
    category: row.category,
    rotationPosition: row.rotation_position,
    status: row.status,
    timeZone: row.time_zone,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
