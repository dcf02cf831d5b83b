import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantCategory, ParticipantKind, ParticipantStatus } from './entities/participant.entity.js';

/** The hot read: one participant by id within its council, one query, plain row. Keep exactly this SQL (benchmarked). */
export const PARTICIPANT_BY_ID_SQL =
  'SELECT id, council_id, kind, name, iso_code, category, rotation_position, status, time_zone, version, created_at, updated_at FROM participants WHERE id = $1 AND council_id = $2';

const COLUMNS = 'id, council_id, kind, name, iso_code, category, rotation_position, status, time_zone, version, created_at, updated_at';

/** A participant as PostgreSQL returns it (snake_case, no entity layer). */
export interface ParticipantRow {
  id: string;
  council_id: string;
  kind: ParticipantKind;
  name: string;
  iso_code: string | null;
  category: ParticipantCategory | null;
  rotation_position: number | null;
  status: ParticipantStatus;
  time_zone: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface NewParticipant {
  councilId: string;
  kind: ParticipantKind;
  name: string;
  isoCode: string | null;
  category: ParticipantCategory | null;
  rotationPosition: number | null;
  status: ParticipantStatus;
  timeZone: string | null;
}

export interface ParticipantChanges {
  name?: string;
  status?: ParticipantStatus;
  rotationPosition?: number;
  timeZone?: string | null;
  isoCode?: string | null;
}

/** Columns a PATCH may set, by field name (the only names ever put into SQL text). */
const UPDATABLE: Record<keyof ParticipantChanges, string> = {
  name: 'name',
  status: 'status',
  rotationPosition: 'rotation_position',
  timeZone: 'time_zone',
  isoCode: 'iso_code',
};

@Injectable()
export class ParticipantsRepository {
  constructor(private readonly db: DataSource) {}

  async findInCouncil(councilId: string, id: string): Promise<ParticipantRow | undefined> {
    const rows: ParticipantRow[] = await this.db.query(PARTICIPANT_BY_ID_SQL, [id, councilId]);
    return rows[0];
  }

  async findInCouncilForUpdate(em: EntityManager, councilId: string, id: string): Promise<ParticipantRow | undefined> {
    const rows: ParticipantRow[] = await em.query(`SELECT ${COLUMNS} FROM participants WHERE id = $1 AND council_id = $2 FOR UPDATE`, [id, councilId]);
    return rows[0];
  }

  /** Member states first in rotation order, then the others by name. */
  async listByCouncil(councilId: string, filter: { kind?: ParticipantKind; status?: ParticipantStatus }): Promise<ParticipantRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM participants
        WHERE council_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY array_position(ARRAY['member_state','permanent_participant','observer'], kind), rotation_position NULLS LAST, lower(name), id`,
      [councilId, filter.kind ?? null, filter.status ?? null],
    );
  }

  async memberStatesInRotationOrder(em: EntityManager, councilId: string): Promise<ParticipantRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM participants WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position, id`, [councilId]);
  }

  async nextRotationPosition(em: EntityManager, councilId: string): Promise<number> {
    const rows: { next: number }[] = await em.query(`SELECT COALESCE(MAX(rotation_position), 0) + 1 AS next FROM participants WHERE council_id = $1`, [
      councilId,
    ]);
    return Number(rows[0].next);
  }

  /** Who holds a place in the council's rotation order, if anyone. */
  async holderOfRotationPosition(em: EntityManager, councilId: string, position: number): Promise<string | undefined> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM participants WHERE council_id = $1 AND rotation_position = $2`, [councilId, position]);
    return rows[0]?.id;
  }

  async insert(em: EntityManager, p: NewParticipant): Promise<ParticipantRow> {
    const rows: ParticipantRow[] = await em.query(
      `INSERT INTO participants (council_id, kind, name, iso_code, category, rotation_position, status, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [p.councilId, p.kind, p.name, p.isoCode, p.category, p.rotationPosition, p.status, p.timeZone],
    );
    return rows[0];
  }

  /** Sets the given fields and bumps the version if the client's version is still current; undefined when no row matched. */
  async updateVersioned(em: EntityManager, councilId: string, id: string, version: number, changes: ParticipantChanges): Promise<ParticipantRow | undefined> {
    const params: unknown[] = [id, councilId, version];
    const sets: string[] = [];
    for (const key of Object.keys(UPDATABLE) as (keyof ParticipantChanges)[]) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${UPDATABLE[key]} = $${params.length}`);
    }
    sets.push('version = version + 1', 'updated_at = now()');
    const [rows] = (await em.query(
      `UPDATE participants SET ${sets.join(', ')} WHERE id = $1 AND council_id = $2 AND version = $3 RETURNING ${COLUMNS}`,
      params,
    )) as [ParticipantRow[], number];
    return rows[0];
  }

  /**
   * Gives the listed member states positions 1..n in list order, in one
   * statement (the unique constraint on positions is checked at commit, so a
   * permutation passes). Only rows whose place changes get a new version.
   */
  async rewriteRotationOrder(em: EntityManager, councilId: string, participantIds: string[]): Promise<void> {
    await em.query(
      `UPDATE participants p
          SET rotation_position = o.position, version = p.version + 1, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE p.id = o.id AND p.council_id = $1 AND p.kind = 'member_state' AND p.rotation_position IS DISTINCT FROM o.position`,
      [councilId, participantIds],
    );
  }
}
