import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TermSource } from '../entities/presidency-term.entity.js';
import type { SuccessorBasis, TransferMode } from './entities/presidency-transfer.entity.js';

const OPEN = `('open','acknowledged','in_progress','blocked')`;

/**
 * A term "due for succession": ended, not succeeded, not history. A term recorded after it had already ended
 * (entered as history, whatever its source) never gets a transfer: the system did not live through its end.
 */
const DUE = `upper(t.period) <= now() AND t.source <> 'historical' AND t.created_at < upper(t.period)
  AND NOT EXISTS (SELECT 1 FROM presidency_transfers x WHERE x.from_term_id = t.id)`;

export interface NewTransfer {
  councilId: string;
  fromTermId: string;
  toTermId: string;
  mode: TransferMode;
  basis: SuccessorBasis;
  boundary: Date;
  decisionId: string | null;
  meetingId: string | null;
  itemsMoved: number;
  dossierArchived: boolean;
}

/** A transfer as the handover answers it. */
export type TransferRow = Omit<NewTransfer, 'councilId' | 'dossierArchived'> & { id: string };

export interface TransferNoticeRow {
  id: string;
  councilId: string;
  councilName: string;
  councilTimeZone: string;
  mode: TransferMode;
  boundary: Date;
  itemsMoved: number;
  fromHolder: string;
  toHolder: string;
  toEndsAt: Date;
}

/** The transfer's SQL: terms moved and created, items carried over, the dossier archived, the transfer recorded. */
@Injectable()
export class TransferRepository {
  /** The council's ended terms not yet succeeded, earliest first (the catch-up order). */
  async dueTerms(em: EntityManager, councilId: string, limit = 20): Promise<string[]> {
    const rows = (await em.query(`SELECT t.id FROM presidency_terms t WHERE t.council_id = $1 AND ${DUE} ORDER BY lower(t.period) LIMIT $2`, [
      councilId,
      limit,
    ])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Whether an earlier term than the one starting at `startsAt` still awaits its succession (it must go first). */
  async earlierDue(em: EntityManager, councilId: string, startsAt: Date): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM presidency_terms t WHERE t.council_id = $1 AND lower(t.period) < $2 AND ${DUE} LIMIT 1`, [
      councilId,
      startsAt,
    ])) as unknown[];
    return rows.length > 0;
  }

  async isDue(em: EntityManager, termId: string): Promise<{ ended: boolean; succeeded: boolean } | undefined> {
    const rows = (await em.query(
      `SELECT upper(t.period) <= now() AS ended, EXISTS (SELECT 1 FROM presidency_transfers x WHERE x.from_term_id = t.id) AS succeeded
         FROM presidency_terms t WHERE t.id = $1`,
      [termId],
    )) as { ended: boolean; succeeded: boolean }[];
    return rows[0];
  }

  /** Councils with a term due for succession. */
  async councilsWithDueTerms(em: EntityManager): Promise<string[]> {
    const rows = (await em.query(`SELECT DISTINCT t.council_id FROM presidency_terms t WHERE ${DUE}`)) as { council_id: string }[];
    return rows.map((r) => r.council_id);
  }

  /** Terms not succeeded that end within `horizonMs` (their transfer jobs are queued ahead). */
  async endingSoon(em: EntityManager, horizonMs: number): Promise<{ id: string; endsAt: Date }[]> {
    const rows = (await em.query(
      `SELECT t.id, upper(t.period) AS "endsAt" FROM presidency_terms t
        WHERE upper(t.period) > now() AND upper(t.period) <= now() + make_interval(secs => $1::double precision / 1000)
          AND t.source <> 'historical' AND NOT EXISTS (SELECT 1 FROM presidency_transfers x WHERE x.from_term_id = t.id)`,
      [horizonMs],
    )) as { id: string; endsAt: Date }[];
    return rows.map((r) => ({ id: r.id, endsAt: new Date(r.endsAt) }));
  }

  async insertTerm(
    em: EntityManager,
    t: { councilId: string; participantId: string; startsAt: Date; endsAt: Date; source: TermSource; note: string | null },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO presidency_terms (council_id, participant_id, holder_kind, period, source, note)
       VALUES ($1, $2, 'member_state', tstzrange($3, $4, '[)'), $5, $6) RETURNING id`,
      [t.councilId, t.participantId, t.startsAt, t.endsAt, t.source, t.note],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /**
   * Moves the boundary between a term and the one after it (if any) to `at`, earlier: the outgoing term is
   * shortened first, then the incoming one starts earlier — each statement leaves the ranges apart, so the
   * (immediate) exclusion constraint holds after every statement, and the transaction commits them together.
   */
  async moveBoundaryEarlier(em: EntityManager, outgoingId: string, incomingId: string | null, at: Date): Promise<void> {
    await em.query(`UPDATE presidency_terms SET period = tstzrange(lower(period), $2, '[)') WHERE id = $1`, [outgoingId, at]);
    if (incomingId) await em.query(`UPDATE presidency_terms SET period = tstzrange($2, upper(period), '[)') WHERE id = $1`, [incomingId, at]);
  }

  async delegationOf(em: EntityManager, councilId: string, participantId: string): Promise<string | undefined> {
    const rows = (await em.query(`SELECT id FROM delegations WHERE council_id = $1 AND participant_id = $2`, [councilId, participantId])) as { id: string }[];
    return rows[0]?.id;
  }

  /**
   * Carries the presidency's open items over to the new holder's delegation, tagged, each with a
   * 'reassignment' entry in its history; returns how many moved. Items done, verified or cancelled stay.
   */
  async carryOverItems(em: EntityManager, councilId: string, toDelegationId: string, tag: string, note: string): Promise<number> {
    const rows = (await em.query(
      `WITH moved AS (
         UPDATE action_items SET owner_delegation_id = $2, carried_over = true, carry_over_tag = $3, version = version + 1, updated_at = now()
          WHERE council_id = $1 AND owner_kind = 'presidency' AND status IN ${OPEN}
         RETURNING id),
       logged AS (
         INSERT INTO action_item_updates (council_id, action_item_id, kind, text) SELECT $1, id, 'reassignment', $4 FROM moved RETURNING 1)
       SELECT (SELECT count(*) FROM moved)::int AS n, (SELECT count(*) FROM logged)::int AS logged`,
      [councilId, toDelegationId, tag, note],
    )) as { n: number }[];
    return rows[0]!.n;
  }

  /**
   * Archives the outgoing term's dossier with it. The dossier table belongs to the handover dossier module; it is
   * looked up by name so the transfer works (and archives nothing) where that module's migration is not there.
   */
  async archiveDossier(em: EntityManager, termId: string): Promise<boolean> {
    const exists = (await em.query(`SELECT to_regclass('handover_dossiers') IS NOT NULL AS present`)) as { present: boolean }[];
    if (!exists[0]!.present) return false;
    const [, count] = (await em.query(`UPDATE handover_dossiers SET status = 'archived', archived_at = now() WHERE term_id = $1 AND status <> 'archived'`, [
      termId,
    ])) as [unknown, number];
    return count > 0;
  }

  async insertTransfer(em: EntityManager, t: NewTransfer): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO presidency_transfers (council_id, from_term_id, to_term_id, mode, successor_basis, boundary, decision_id, meeting_id, items_moved, dossier_archived)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [t.councilId, t.fromTermId, t.toTermId, t.mode, t.basis, t.boundary, t.decisionId, t.meetingId, t.itemsMoved, t.dossierArchived],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** The council's transfer grounded on the decision or on the meeting (each grounds one at most: UNIQUE). */
  async citing(em: EntityManager, councilId: string, by: { decisionId?: string; meetingId?: string }): Promise<TransferRow | undefined> {
    if (by.decisionId === undefined && by.meetingId === undefined) return undefined;
    const rows = (await em.query(
      `SELECT id, from_term_id AS "fromTermId", to_term_id AS "toTermId", mode, successor_basis AS basis, boundary,
              decision_id AS "decisionId", meeting_id AS "meetingId", items_moved AS "itemsMoved"
         FROM presidency_transfers WHERE council_id = $1 AND (decision_id = $2 OR meeting_id = $3)
        ORDER BY executed_at LIMIT 1`,
      [councilId, by.decisionId ?? null, by.meetingId ?? null],
    )) as TransferRow[];
    return rows[0] && { ...rows[0], boundary: new Date(rows[0].boundary) };
  }

  async meetingStatus(em: EntityManager, councilId: string, meetingId: string): Promise<{ status: string; startsAt: Date } | undefined> {
    const rows = (await em.query(`SELECT status, starts_at AS "startsAt" FROM meetings WHERE council_id = $1 AND id = $2`, [councilId, meetingId])) as {
      status: string;
      startsAt: Date;
    }[];
    return rows[0] && { status: rows[0].status, startsAt: new Date(rows[0].startsAt) };
  }

  /** The transfer that followed a term, with what its notices say. */
  async forNotice(em: EntityManager, fromTermId: string): Promise<TransferNoticeRow | undefined> {
    const rows = (await em.query(
      `SELECT x.id, x.council_id AS "councilId", c.name AS "councilName", c.time_zone AS "councilTimeZone", x.mode, x.boundary,
              x.items_moved AS "itemsMoved", pf.name AS "fromHolder", pt.name AS "toHolder", upper(tt.period) AS "toEndsAt"
         FROM presidency_transfers x
         JOIN councils c ON c.id = x.council_id
         JOIN presidency_terms tf ON tf.id = x.from_term_id JOIN participants pf ON pf.id = tf.participant_id
         JOIN presidency_terms tt ON tt.id = x.to_term_id JOIN participants pt ON pt.id = tt.participant_id
        WHERE x.from_term_id = $1`,
      [fromTermId],
    )) as TransferNoticeRow[];
    return rows[0];
  }

  /** The delegations of the council's member states (the audience of presidency notices). */
  async memberStateDelegations(em: EntityManager, councilId: string): Promise<string[]> {
    const rows = (await em.query(
      `SELECT dl.id FROM delegations dl JOIN participants p ON p.id = dl.participant_id WHERE dl.council_id = $1 AND p.kind = 'member_state'`,
      [councilId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
