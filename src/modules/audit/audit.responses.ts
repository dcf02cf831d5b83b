import type { AuditRow } from './audit-log.repository.js';
import type { AuditEntryResponse } from './dto/audit-entry.response.js';

/** An audit row as the API answers it. */
export function auditEntryResponse(row: AuditRow): AuditEntryResponse {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actorId: row.actor_id,
    actorDelegationId: row.actor_delegation_id,
    requestId: row.request_id,
    before: row.before,
    after: row.after,
  };
}
