import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PriorityStatus } from './entities/presidency-priority.entity.js';

export interface PriorityRow {
  id: string;
  termId: string;
  title: Record<string, string>;
  status: PriorityStatus;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, term_id AS "termId", title, status, notes, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A chair's priorities for its term. */
@Injectable()
export class PrioritiesRepository {
  constructor(private readonly db: DataSource) {}

  async listByTerm(councilId: string, termId: string): Promise<PriorityRow[]> {
    return (await this.db.query(`SELECT ${COLUMNS} FROM presidency_priorities WHERE council_id = $1 AND term_id = $2 ORDER BY created_at, id`, [
      councilId,
      termId,
    ])) as PriorityRow[];
  }

  async find(em: EntityManager, councilId: string, termId: string, id: string): Promise<PriorityRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM presidency_priorities WHERE council_id = $1 AND term_id = $2 AND id = $3`, [
      councilId,
      termId,
      id,
    ])) as PriorityRow[];
    return rows[0];
  }

  async insert(
    em: EntityManager,
    p: { councilId: string; termId: string; title: Record<string, string>; status: PriorityStatus; notes: string | null },
  ): Promise<PriorityRow> {
    const rows = (await em.query(
      `INSERT INTO presidency_priorities (council_id, term_id, title, status, notes) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [p.councilId, p.termId, JSON.stringify(p.title), p.status, p.notes],
    )) as PriorityRow[];
    return rows[0]!;
  }

  /** Null when the version is not current (or the row is gone). */
  async update(
    em: EntityManager,
    councilId: string,
    termId: string,
    id: string,
    version: number,
    v: { title: Record<string, string>; status: PriorityStatus; notes: string | null },
  ): Promise<PriorityRow | null> {
    const rows = (await em.query(
      `UPDATE presidency_priorities SET title = $5, status = $6, notes = $7, version = version + 1, updated_at = now()
        WHERE council_id = $1 AND term_id = $2 AND id = $3 AND version = $4 RETURNING ${COLUMNS}`,
      [councilId, termId, id, version, JSON.stringify(v.title), v.status, v.notes],
    )) as [PriorityRow[], number];
    return rows[0][0] ?? null;
  }

  async delete(em: EntityManager, councilId: string, termId: string, id: string): Promise<void> {
    await em.query(`DELETE FROM presidency_priorities WHERE council_id = $1 AND term_id = $2 AND id = $3`, [councilId, termId, id]);
  }
}
