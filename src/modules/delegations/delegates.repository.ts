import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkingLanguage } from '../councils/entities/council.entity.js';
import type { DelegateRole } from './entities/delegate.entity.js';

export interface DelegateRow {
  id: string;
  councilId: string;
  delegationId: string;
  fullName: string;
  email: string;
  role: DelegateRole;
  preferredLanguage: WorkingLanguage;
  timeZone: string;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDelegate = Omit<DelegateRow, 'id' | 'active' | 'version' | 'createdAt' | 'updatedAt'>;

export interface DelegateChanges {
  fullName?: string;
  email?: string;
  role?: DelegateRole;
  preferredLanguage?: WorkingLanguage;
  timeZone?: string;
  active?: boolean;
}

const UPDATABLE: Record<keyof DelegateChanges, string> = {
  fullName: 'full_name',
  email: 'email',
  role: 'role',
  preferredLanguage: 'preferred_language',
  timeZone: 'time_zone',
  active: 'active',
};

const COLUMNS = `id, council_id AS "councilId", delegation_id AS "delegationId", full_name AS "fullName", email, role,
  preferred_language AS "preferredLanguage", time_zone AS "timeZone", active, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Head first, then alternates, then advisers; active before inactive; by name. */
const ORDER = `ORDER BY active DESC, array_position(ARRAY['head','alternate','adviser'], role), lower(full_name), id`;

@Injectable()
export class DelegatesRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, d: NewDelegate): Promise<DelegateRow> {
    const rows: DelegateRow[] = await em.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [d.councilId, d.delegationId, d.fullName, d.email, d.role, d.preferredLanguage, d.timeZone],
    );
    return rows[0];
  }

  async listByDelegation(councilId: string, delegationId: string, em: EntityManager = this.db.manager): Promise<DelegateRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM delegates WHERE delegation_id = $1 AND council_id = $2 ${ORDER}`, [delegationId, councilId]);
  }

  async findInDelegationForUpdate(em: EntityManager, councilId: string, delegationId: string, id: string): Promise<DelegateRow | undefined> {
    const rows: DelegateRow[] = await em.query(`SELECT ${COLUMNS} FROM delegates WHERE id = $1 AND delegation_id = $2 AND council_id = $3 FOR UPDATE`, [
      id,
      delegationId,
      councilId,
    ]);
    return rows[0];
  }

  /** The delegation's active head of delegation other than `exceptId`, if any. */
  async activeHeadOf(em: EntityManager, delegationId: string, exceptId: string | null): Promise<string | undefined> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM delegates WHERE delegation_id = $1 AND role = 'head' AND active AND ($2::uuid IS NULL OR id <> $2)`,
      [delegationId, exceptId],
    );
    return rows[0]?.id;
  }

  /** Sets the given fields and bumps the version if the client's version is still current; undefined when no row matched. */
  async updateVersioned(
    em: EntityManager,
    councilId: string,
    delegationId: string,
    id: string,
    version: number,
    changes: DelegateChanges,
  ): Promise<DelegateRow | undefined> {
    const params: unknown[] = [id, delegationId, councilId, version];
    const sets: string[] = [];
    for (const key of Object.keys(UPDATABLE) as (keyof DelegateChanges)[]) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${UPDATABLE[key]} = $${params.length}`);
    }
    sets.push('version = version + 1', 'updated_at = now()');
    const [rows] = (await em.query(
      `UPDATE delegates SET ${sets.join(', ')} WHERE id = $1 AND delegation_id = $2 AND council_id = $3 AND version = $4 RETURNING ${COLUMNS}`,
      params,
    )) as [DelegateRow[], number];
    return rows[0];
  }
}
