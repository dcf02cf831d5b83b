import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantKind } from '../participants/entities/participant.entity.js';

/** A delegation, as inserted or updated (no joins). */
export interface DelegationRow {
  id: string;
  councilId: string;
  participantId: string;
  name: string;
  contactEmail: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A delegation with its participant and its active head of delegation, as listed. */
export interface DelegationViewRow extends DelegationRow {
  participantName: string;
  participantKind: ParticipantKind;
  headId: string | null;
  headFullName: string | null;
  headEmail: string | null;
}

export interface DelegationChanges {
  name?: string;
  contactEmail?: string | null;
}

const UPDATABLE: Record<keyof DelegationChanges, string> = { name: 'name', contactEmail: 'contact_email' };

const COLUMNS = `id, council_id AS "councilId", participant_id AS "participantId", name, contact_email AS "contactEmail", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const VIEW = `
  SELECT d.id, d.council_id AS "councilId", d.participant_id AS "participantId", d.name, d.contact_email AS "contactEmail", d.version,
         d.created_at AS "createdAt", d.updated_at AS "updatedAt",
         p.name AS "participantName", p.kind AS "participantKind",
         h.id AS "headId", h.full_name AS "headFullName", h.email AS "headEmail"
    FROM delegations d
    JOIN participants p ON p.id = d.participant_id
    LEFT JOIN delegates h ON h.delegation_id = d.id AND h.role = 'head' AND h.active`;

@Injectable()
export class DelegationsRepository {
  constructor(private readonly db: DataSource) {}

  async insertForParticipant(em: EntityManager, d: { councilId: string; participantId: string; name: string }): Promise<DelegationRow> {
    const rows: DelegationRow[] = await em.query(`INSERT INTO delegations (council_id, participant_id, name) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
      d.councilId,
      d.participantId,
      d.name,
    ]);
    return rows[0];
  }

  /** Member states in rotation order first, then the other participants' delegations by name. */
  async listByCouncil(councilId: string): Promise<DelegationViewRow[]> {
    return this.db.query(
      `${VIEW}
        WHERE d.council_id = $1
        ORDER BY array_position(ARRAY['member_state','permanent_participant','observer'], p.kind), p.rotation_position NULLS LAST, lower(p.name), d.id`,
      [councilId],
    );
  }

  async findViewInCouncil(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<DelegationViewRow | undefined> {
    const rows: DelegationViewRow[] = await em.query(`${VIEW} WHERE d.id = $1 AND d.council_id = $2`, [id, councilId]);
    return rows[0];
  }

  async existsInCouncil(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM delegations WHERE id = $1 AND council_id = $2`, [id, councilId]);
    return rows.length > 0;
  }

  /**
   * Locks a delegation for a change. `onlyDelegation` limits the query to the
   * caller's own delegation (null = any in the council), so a delegate cannot
   * reach another delegation's row at all.
   */
  async findInCouncilForUpdate(em: EntityManager, councilId: string, id: string, onlyDelegation: string | null): Promise<DelegationRow | undefined> {
    const rows: DelegationRow[] = await em.query(
      `SELECT ${COLUMNS} FROM delegations WHERE id = $1 AND council_id = $2 AND ($3::uuid IS NULL OR id = $3) FOR UPDATE`,
      [id, councilId, onlyDelegation],
    );
    return rows[0];
  }

  /** Sets the given fields and bumps the version if the client's version is still current; undefined when no row matched. */
  async updateVersioned(em: EntityManager, councilId: string, id: string, version: number, changes: DelegationChanges): Promise<DelegationRow | undefined> {
    const params: unknown[] = [id, councilId, version];
    const sets: string[] = [];
    for (const key of Object.keys(UPDATABLE) as (keyof DelegationChanges)[]) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${UPDATABLE[key]} = $${params.length}`);
    }
    sets.push('version = version + 1', 'updated_at = now()');
    const [rows] = (await em.query(
      `UPDATE delegations SET ${sets.join(', ')} WHERE id = $1 AND council_id = $2 AND version = $3 RETURNING ${COLUMNS}`,
      params,
    )) as [DelegationRow[], number];
    return rows[0];
  }
}
