import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  actor_delegation_id: string | null;
  request_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditFilter {
  /** Only rows with an id below this one (keyset paging, newest first). */
  beforeId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/** Reads of the audit trail (writes go through AuditService, inside each change's transaction). */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One page of a council's trail, newest first: always scoped by council_id and
   * ordered by id, so it walks audit_log_council_id_idx (council_id, id DESC).
   * Only the filters given become conditions.
   */
  async listByCouncil(councilId: string, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    const params: unknown[] = [councilId];
    const where = ['council_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.beforeId !== undefined) add((p) => `id < ${p}::bigint`, filter.beforeId);
    if (filter.entityType !== undefined) add((p) => `entity_type = ${p}`, filter.entityType);
    if (filter.entityId !== undefined) add((p) => `entity_id = ${p}`, filter.entityId);
    if (filter.action !== undefined) add((p) => `action = ${p}`, filter.action);
    if (filter.actorId !== undefined) add((p) => `actor_id = ${p}::uuid`, filter.actorId);
    if (filter.from !== undefined) add((p) => `at >= ${p}::timestamptz`, filter.from);
    if (filter.to !== undefined) add((p) => `at < ${p}::timestamptz`, filter.to);
    params.push(limit);
    // "audit_log.id", not "id": a bare name in ORDER BY would sort by the text alias selected above.
    return (await this.db.query(
      `SELECT id::text AS id, at, action, entity_type, entity_id, actor_id, actor_delegation_id, request_id, before, after
         FROM audit_log
        WHERE ${where.join(' AND ')}
        ORDER BY audit_log.id DESC
        LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
  }

  async councilExists(councilId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
    return rows.length > 0;
  }
}
