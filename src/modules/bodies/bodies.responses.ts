import type { BodyRow } from './bodies.repository.js';
import type { BodyLeadRow } from './body-leads.repository.js';
import type { BodyLeadResponse } from './dto/body-lead.response.js';
import type { BodyResponse } from './dto/body.response.js';

/** Bodies and their leads as the API answers them. */
export function bodyResponse(row: BodyRow, leads: BodyLeadRow[]): BodyResponse {
  return {
    id: row.id,
    councilId: row.councilId,
    kind: row.kind,
    name: row.name,
    description: row.description,
    mandateStart: row.mandateStart,
    mandateEnd: row.mandateEnd,
    status: row.status,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    leads: leads.map(bodyLeadResponse),
  };
}

export function bodyLeadResponse(row: BodyLeadRow): BodyLeadResponse {
  return {
    id: row.id,
    bodyId: row.bodyId,
    participantId: row.participantId,
    participantName: row.participantName,
    from: row.from,
    until: row.until,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
