import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RotationPolicy } from '../../councils/entities/council.entity.js';
import type { ParticipantStatus } from '../../participants/entities/participant.entity.js';
import type { TermSource } from '../entities/presidency-term.entity.js';
import { DEFAULT_DESIGNATION_LEAD_MONTHS, DEFAULT_EXTENSION_MONTHS } from './entities/council-presidency-rules.entity.js';
import type { SuccessionAlertReason } from './entities/presidency-succession-alert.entity.js';
import type { SuccessionDesignation, SuccessionMember, SuccessionWaiver } from './succession.js';

export interface SuccessionCouncilRow {
  id: string;
  name: string;
  timeZone: string;
  termMonths: number;
  rotationPolicy: RotationPolicy;
  leadMonths: number;
  extensionMonths: number;
}

export interface TermRow {
  id: string;
  councilId: string;
  participantId: string;
  holderName: string;
  isoCode: string | null;
  startsAt: Date;
  endsAt: Date;
  source: TermSource;
  createdAt: Date;
}

export interface MemberRow extends SuccessionMember {
  name: string;
  isoCode: string;
}

export interface DecisionStateRow {
  id: string;
  status: string;
  outcome: string | null;
  closedAt: Date | null;
}

const COUNCIL = `SELECT c.id, c.name, c.time_zone AS "timeZone", c.term_months AS "termMonths", c.rotation_policy AS "rotationPolicy",
       coalesce(r.designation_lead_months, ${DEFAULT_DESIGNATION_LEAD_MONTHS}) AS "leadMonths",
       coalesce(r.extension_months, ${DEFAULT_EXTENSION_MONTHS}) AS "extensionMonths"
  FROM councils c LEFT JOIN council_presidency_rules r ON r.council_id = c.id
 WHERE c.id = $1`;

const TERM = `SELECT t.id, t.council_id AS "councilId", t.participant_id AS "participantId", p.name AS "holderName", p.iso_code AS "isoCode",
       lower(t.period) AS "startsAt", upper(t.period) AS "endsAt", t.source, t.created_at AS "createdAt"
  FROM presidency_terms t JOIN participants p ON p.id = t.participant_id`;

function term(r: TermRow): TermRow {
  return { ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), createdAt: new Date(r.createdAt) };
}

/** What succession needs to know about a council: its settings, terms, member states, waivers, designations, decisions. */
@Injectable()
export class SuccessionRepository {
  async council(em: EntityManager, councilId: string): Promise<SuccessionCouncilRow | undefined> {
    const rows = (await em.query(COUNCIL, [councilId])) as SuccessionCouncilRow[];
    return rows[0];
  }

  /** Locks the council row (as PresidencyRepository.lockCouncil does): every change to one council's presidency is serialised. */
  async lockCouncil(em: EntityManager, councilId: string): Promise<SuccessionCouncilRow | undefined> {
    const locked = (await em.query(`SELECT id FROM councils WHERE id = $1 FOR NO KEY UPDATE`, [councilId])) as { id: string }[];
    return locked.length ? this.council(em, councilId) : undefined;
  }

  async term(em: EntityManager, councilId: string, termId: string): Promise<TermRow | undefined> {
    const rows = (await em.query(`${TERM} WHERE t.council_id = $1 AND t.id = $2`, [councilId, termId])) as TermRow[];
    return rows[0] && term(rows[0]);
  }

  async councilOfTerm(em: EntityManager, termId: string): Promise<string | undefined> {
    const rows = (await em.query(`SELECT council_id FROM presidency_terms WHERE id = $1`, [termId])) as { council_id: string }[];
    return rows[0]?.council_id;
  }

  /** The term covering the database's now (or `at`). */
  async covering(em: EntityManager, councilId: string, at?: Date): Promise<TermRow | undefined> {
    const rows = (await em.query(`${TERM} WHERE t.council_id = $1 AND t.period @> coalesce($2::timestamptz, now())`, [councilId, at ?? null])) as TermRow[];
    return rows[0] && term(rows[0]);
  }

  /** The term starting exactly at `at` (the one that follows a term ending there). */
  async startingAt(em: EntityManager, councilId: string, at: Date): Promise<TermRow | undefined> {
    const rows = (await em.query(`${TERM} WHERE t.council_id = $1 AND lower(t.period) = $2::timestamptz`, [councilId, at])) as TermRow[];
    return rows[0] && term(rows[0]);
  }

  async members(em: EntityManager, councilId: string): Promise<MemberRow[]> {
    return (await em.query(
      `SELECT id, name, iso_code AS "isoCode", rotation_position AS "rotationPosition", status FROM participants
        WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position`,
      [councilId],
    )) as MemberRow[];
  }

  async waivers(em: EntityManager, councilId: string): Promise<SuccessionWaiver[]> {
    return (await em.query(
      `SELECT participant_id AS "participantId", for_term_after AS "forTermAfter", applied_term_id AS "appliedTermId"
         FROM presidency_waivers WHERE council_id = $1`,
      [councilId],
    )) as SuccessionWaiver[];
  }

  async designation(em: EntityManager, councilId: string, termId: string): Promise<SuccessionDesignation | null> {
    const rows = (await em.query(
      `SELECT participant_id AS "participantId", adopted_at AS "adoptedAt" FROM presidency_designations WHERE council_id = $1 AND for_term_after = $2`,
      [councilId, termId],
    )) as SuccessionDesignation[];
    return rows[0] ? { participantId: rows[0].participantId, adoptedAt: new Date(rows[0].adoptedAt) } : null;
  }

  async decision(em: EntityManager, councilId: string, decisionId: string): Promise<DecisionStateRow | undefined> {
    const rows = (await em.query(`SELECT id, status, outcome, closed_at AS "closedAt" FROM decisions WHERE council_id = $1 AND id = $2`, [
      councilId,
      decisionId,
    ])) as DecisionStateRow[];
    return rows[0];
  }

  async participantKind(em: EntityManager, councilId: string, participantId: string): Promise<{ kind: string; status: ParticipantStatus } | undefined> {
    const rows = (await em.query(`SELECT kind, status FROM participants WHERE council_id = $1 AND id = $2`, [councilId, participantId])) as {
      kind: string;
      status: ParticipantStatus;
    }[];
    return rows[0];
  }

  async isSucceeded(em: EntityManager, termId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM presidency_transfers WHERE from_term_id = $1`, [termId])) as unknown[];
    return rows.length > 0;
  }

  async insertWaiver(
    em: EntityManager,
    w: { councilId: string; participantId: string; decisionId: string; forTermAfter: string | null },
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = (await em.query(
      `INSERT INTO presidency_waivers (council_id, participant_id, decision_id, for_term_after) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
      [w.councilId, w.participantId, w.decisionId, w.forTermAfter],
    )) as { id: string; createdAt: Date }[];
    return rows[0]!;
  }

  async insertDesignation(
    em: EntityManager,
    d: { councilId: string; forTermAfter: string; participantId: string; decisionId: string; adoptedAt: Date },
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = (await em.query(
      `INSERT INTO presidency_designations (council_id, for_term_after, participant_id, decision_id, adopted_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at AS "createdAt"`,
      [d.councilId, d.forTermAfter, d.participantId, d.decisionId, d.adoptedAt],
    )) as { id: string; createdAt: Date }[];
    return rows[0]!;
  }

  /** Next-turn waivers used up by the succession of `termId`. */
  async markWaiversApplied(em: EntityManager, councilId: string, participantIds: string[], termId: string): Promise<void> {
    if (participantIds.length === 0) return;
    await em.query(
      `UPDATE presidency_waivers SET applied_term_id = $3
        WHERE council_id = $1 AND participant_id = ANY($2::uuid[]) AND for_term_after IS NULL AND applied_term_id IS NULL`,
      [councilId, participantIds, termId],
    );
  }

  /** Records the alert of (term, period) once; true when it is new (the caller then notifies). */
  async recordAlert(em: EntityManager, councilId: string, termId: string, period: string, reason: SuccessionAlertReason): Promise<boolean> {
    const rows = (await em.query(
      `INSERT INTO presidency_succession_alerts (term_id, period, council_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (term_id, period) DO NOTHING RETURNING term_id`,
      [termId, period, councilId, reason],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Councils whose current term has no term after it and has not been succeeded (candidates for the succession check). */
  async councilsToCheck(em: EntityManager): Promise<{ councilId: string; termId: string }[]> {
    return (await em.query(
      `SELECT t.council_id AS "councilId", t.id AS "termId"
         FROM presidency_terms t
        WHERE t.period @> now()
          AND NOT EXISTS (SELECT 1 FROM presidency_terms n WHERE n.council_id = t.council_id AND lower(n.period) = upper(t.period))
          AND NOT EXISTS (SELECT 1 FROM presidency_transfers x WHERE x.from_term_id = t.id)`,
    )) as { councilId: string; termId: string }[];
  }
}
