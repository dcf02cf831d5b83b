import { ApiProperty } from '@nestjs/swagger';
import {
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_KINDS,
  PARTICIPANT_STATUSES,
  type ParticipantCategory,
  type ParticipantKind,
  type ParticipantStatus,
} from '../entities/participant.entity.js';
import type { ParticipantRow } from '../participants.repository.js';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: 'MX' }) isoCode: string | null;
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES, nullable: true }) category: ParticipantCategory | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Member states: place in the rotation order' }) rotationPosition: number | null;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty({ type: String, nullable: true }) timeZone: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  /** Maps a raw row (snake_case, as selected by the repository) by hand. */
  static from(row: ParticipantRow): ParticipantResponse {
    const r = new ParticipantResponse();
    r.id = row.id;
    r.councilId = row.council_id;
    r.kind = row.kind;
    r.name = row.name;
    r.isoCode = row.iso_code;
    r.category = row.category;
    r.rotationPosition = row.rotation_position;
    r.status = row.status;
    r.timeZone = row.time_zone;
    r.version = row.version;
    r.createdAt = row.created_at.toISOString();
    r.updatedAt = row.updated_at.toISOString();
    return r;
  }
}
