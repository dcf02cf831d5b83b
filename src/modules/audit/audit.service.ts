import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../../core/context/request-context.js';

export interface AuditChange {
  councilId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit row of a state change inside the change's own transaction. */
@Injectable()
export class AuditService {
  async record(em: EntityManager, change: AuditChange): Promise<void> {
    const ctx = requestContext.current();
    await em.query(
      `INSERT INTO audit_log (council_id, actor_id, actor_delegation_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        change.councilId,
        ctx?.actorId ?? null,
        ctx?.actorDelegationId ?? null,
        change.action,
        change.entityType,
        change.entityId,
        change.before === undefined ? null : JSON.stringify(change.before),
        change.after === undefined ? null : JSON.stringify(change.after),
        ctx?.requestId ?? null,
      ],
    );
  }

  /** Many audit rows in one statement (changes the worker makes in bulk), all with the current actor and request. */
  async recordMany(em: EntityManager, changes: AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    const ctx = requestContext.current();
    await em.query(
      `INSERT INTO audit_log (council_id, actor_id, actor_delegation_id, action, entity_type, entity_id, before, after, request_id)
       SELECT c."councilId", $2, $3, c.action, c."entityType", c."entityId", c.before, c.after, $4
         FROM jsonb_to_recordset($1::jsonb) AS c("councilId" uuid, action text, "entityType" text, "entityId" text, before jsonb, after jsonb)`,
      [JSON.stringify(changes), ctx?.actorId ?? null, ctx?.actorDelegationId ?? null, ctx?.requestId ?? null],
    );
  }
}
