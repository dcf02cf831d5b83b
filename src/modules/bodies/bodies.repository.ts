import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BodyKind, BodyStatus } from './entities/body.entity.js';

/** A body as read: camelCase, calendar dates as YYYY-MM-DD strings. */
export interface BodyRow {
  id: string;
  councilId: string;
  kind: BodyKind;
  name: string;
  description: string | null;
  mandateStart: string | null;
  mandateEnd: string | null;
  status: BodyStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewBody {
  kind: BodyKind;
  name: string;
  description: string | null;
  mandateStart: string | null;
  mandateEnd: string | null;
}

export interface BodyChanges {
  name: string;
  description: string | null;
  mandateStart: string | null;
  mandateEnd: string | null;
  status: BodyStatus;
}

const COLUMNS = `id, council_id AS "councilId", kind, name, description,
  mandate_start::text AS "mandateStart", mandate_end::text AS "mandateEnd",
  status, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class BodiesRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
    return rows.length > 0;
  }

  async listByCouncil(councilId: string, filter: { kind?: BodyKind; status?: BodyStatus }): Promise<BodyRow[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM bodies
        WHERE council_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY kind, lower(name)`,
      [councilId, filter.kind ?? null, filter.status ?? null],
    )) as BodyRow[];
  }

  async findInCouncil(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<BodyRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM bodies WHERE id = $1 AND council_id = $2`, [id, councilId])) as BodyRow[];
    return rows[0];
  }

  /** The body, locked until the transaction ends (for a read-modify-write). */
  async lockInCouncil(em: EntityManager, councilId: string, id: string): Promise<BodyRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM bodies WHERE id = $1 AND council_id = $2 FOR UPDATE`, [id, councilId])) as BodyRow[];
    return rows[0];
  }

  async insert(em: EntityManager, councilId: string, body: NewBody): Promise<BodyRow> {
    const rows = (await em.query(
      `INSERT INTO bodies (council_id, kind, name, description, mandate_start, mandate_end)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [councilId, body.kind, body.name, body.description, body.mandateStart, body.mandateEnd],
    )) as BodyRow[];
    return rows[0]!;
  }

  /** Applies the changes when `version` is still current; undefined otherwise. */
  async updateIfVersion(em: EntityManager, councilId: string, id: string, version: number, changes: BodyChanges): Promise<BodyRow | undefined> {
    const [rows] = (await em.query(
      `UPDATE bodies SET name = $4, description = $5, mandate_start = $6, mandate_end = $7, status = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3
        RETURNING ${COLUMNS}`,
      [id, councilId, version, changes.name, changes.description, changes.mandateStart, changes.mandateEnd, changes.status],
    )) as [BodyRow[], number];
    return rows[0];
  }
}
