import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ParticipantKind } from '../participants/entities/participant.entity.js';

/** A decision as another row refers to it. */
export interface DecisionReference {
  id: string;
  status: string;
  outcome: string | null;
  meetingId: string | null;
}

/**
 * The presidency term covering the instant `atSql` in the council `councilSql` (half-open [start, end)),
 * as a subquery with `term_id` and `participant_id` — for statements that embed "who presides at t".
 */
export const presidingTermSql = (councilSql: string, atSql: string): string =>
  `SELECT t.id AS term_id, t.participant_id FROM presidency_terms t WHERE t.council_id = ${councilSql} AND t.period @> ${atSql}`;

/** The delegation of the member state presiding the council `councilSql` at `atSql`, as a subquery with `id`. */
export const presidingDelegationSql = (councilSql: string, atSql: string): string =>
  `SELECT dl.id FROM presidency_terms t JOIN delegations dl ON dl.participant_id = t.participant_id AND dl.council_id = t.council_id
    WHERE t.council_id = ${councilSql} AND t.period @> ${atSql}`;

/** The participants leading the body `bodySql` on the date `daySql`, as a subquery with `participant_id`. */
export const bodyLeadsOnSql = (bodySql: string, daySql: string): string =>
  `SELECT l.participant_id FROM body_leads l WHERE l.body_id = ${bodySql} AND l.period @> ${daySql}`;

/** The bodies the participant `participantSql` leads on the date `daySql`, as a subquery with `body_id`. */
export const ledBodiesSql = (participantSql: string, daySql: string): string =>
  `SELECT l.body_id FROM body_leads l WHERE l.participant_id = ${participantSql} AND l.period @> ${daySql}`;

/** Today in the council `councilSql`'s time zone, as a date (a scalar subquery). */
export const councilTodaySql = (councilSql: string): string => `(SELECT (now() AT TIME ZONE tz.time_zone)::date FROM councils tz WHERE tz.id = ${councilSql})`;

/**
 * The one place other modules ask whether a row they are given belongs to the council — a body,
 * delegation, meeting, decision, participant, recommendation — and who presides at an instant.
 * Every lookup is scoped to the council (an id of another council answers "no"); each takes the
 * caller's transaction when there is one.
 */
@Injectable()
export class CouncilReferencesRepository {
  constructor(private readonly db: DataSource) {}

  hasBody(councilId: string, bodyId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return this.exists(em, 'bodies', councilId, bodyId);
  }

  hasDelegation(councilId: string, delegationId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return this.exists(em, 'delegations', councilId, delegationId);
  }

  hasMeeting(councilId: string, meetingId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return this.exists(em, 'meetings', councilId, meetingId);
  }

  hasParticipant(councilId: string, participantId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return this.exists(em, 'participants', councilId, participantId);
  }

  hasRecommendation(councilId: string, recommendationId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return this.exists(em, 'recommendations', councilId, recommendationId);
  }

  /** The participant's kind; undefined when it is not a participant of the council. */
  async participantKind(councilId: string, participantId: string, em: EntityManager = this.db.manager): Promise<ParticipantKind | undefined> {
    const rows = (await em.query(`SELECT kind FROM participants WHERE id = $1 AND council_id = $2`, [participantId, councilId])) as { kind: ParticipantKind }[];
    return rows[0]?.kind;
  }

  /** The decision, share-locked (it cannot change while the caller's transaction builds on it); undefined when not in the council. */
  async decisionForShare(em: EntityManager, councilId: string, decisionId: string): Promise<DecisionReference | undefined> {
    const rows = (await em.query(`SELECT id, status, outcome, meeting_id AS "meetingId" FROM decisions WHERE id = $1 AND council_id = $2 FOR SHARE`, [
      decisionId,
      councilId,
    ])) as DecisionReference[];
    return rows[0];
  }

  /** The delegation of the member state whose presidency term covers `at` (the database's now when left out); null when no term does. */
  async presidingDelegation(councilId: string, at: Date | null = null, em: EntityManager = this.db.manager): Promise<string | null> {
    const rows = (await em.query(presidingDelegationSql('$1', 'coalesce($2::timestamptz, now())'), [councilId, at])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Is the account seated (active) as a delegate of the delegation, or of a participant leading the body today (council time)? */
  async seatsDelegateFor(
    councilId: string,
    userId: string,
    owner: { delegationId: string | null; bodyId: string | null },
    em: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const rows = (await em.query(
      `SELECT 1 FROM council_roles cr
         JOIN delegates d ON d.id = cr.delegate_id AND d.active
         JOIN delegations dl ON dl.id = d.delegation_id
        WHERE cr.user_id = $1 AND cr.council_id = $2 AND cr.role = 'delegate'
          AND (dl.id = $3::uuid OR dl.participant_id IN (${bodyLeadsOnSql('$4::uuid', councilTodaySql('$2'))}))`,
      [userId, councilId, owner.delegationId, owner.bodyId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async exists(
    em: EntityManager,
    table: 'bodies' | 'delegations' | 'meetings' | 'participants' | 'recommendations',
    councilId: string,
    id: string,
  ): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM ${table} WHERE id = $1 AND council_id = $2`, [id, councilId])) as unknown[]).length > 0;
  }
}
