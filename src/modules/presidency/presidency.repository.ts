import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RotationPolicy } from '../councils/entities/council.entity.js';
import type { ParticipantKind, ParticipantStatus } from '../participants/entities/participant.entity.js';
import type { TermSource } from './entities/presidency-term.entity.js';

export interface PresidencyTermRow {
  id: string;
  participantId: string;
  holderName: string;
  isoCode: string | null;
  startsAt: Date;
  endsAt: Date;
  source: TermSource;
  note: string | null;
}

export interface CouncilRotationRow {
  id: string;
  termMonths: number;
  rotationPolicy: RotationPolicy;
}

export interface MemberStateRow {
  id: string;
  name: string;
  isoCode: string;
  rotationPosition: number;
  status: ParticipantStatus;
}

export interface HolderCandidateRow {
  id: string;
  kind: ParticipantKind;
  status: ParticipantStatus;
}

export interface NewTerm {
  councilId: string;
  participantId: string;
  startsAt: Date;
  endsAt: Date;
  source: TermSource;
  note: string | null;
}

interface RawTerm {
  id: string;
  participant_id: string;
  holder_name: string;
  iso_code: string | null;
  starts_at: Date;
  ends_at: Date;
  source: TermSource;
  note: string | null;
}

const TERM_COLUMNS = `t.id, t.participant_id, p.name AS holder_name, p.iso_code, lower(t.period) AS starts_at, upper(t.period) AS ends_at, t.source, t.note`;

function toTerm(r: RawTerm): PresidencyTermRow {
  return {
    id: r.id,
    participantId: r.participant_id,
    holderName: r.holder_name,
    isoCode: r.iso_code,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    source: r.source,
    note: r.note,
  };
}

/** Presidency terms (a tstzrange "[start,end)" per term), read and written with plain SQL. */
@Injectable()
export class PresidencyRepository {
  constructor(private readonly db: DataSource) {}

  async findCouncil(councilId: string, em: EntityManager = this.db.manager): Promise<CouncilRotationRow | undefined> {
    const rows = (await em.query(`SELECT id, term_months, rotation_policy FROM councils WHERE id = $1`, [councilId])) as {
      id: string;
      term_months: number;
      rotation_policy: RotationPolicy;
    }[];
    const r = rows[0];
    return r && { id: r.id, termMonths: r.term_months, rotationPolicy: r.rotation_policy };
  }

  /**
   * Locks the council row for the rest of the transaction, so that changes to
   * one council's presidency are serialised. NO KEY UPDATE: it conflicts with
   * itself and with council updates, but not with inserts elsewhere that only
   * reference the council (foreign-key checks take KEY SHARE).
   */
  async lockCouncil(em: EntityManager, councilId: string): Promise<CouncilRotationRow | undefined> {
    const rows = (await em.query(`SELECT id, term_months, rotation_policy FROM councils WHERE id = $1 FOR NO KEY UPDATE`, [councilId])) as {
      id: string;
      term_months: number;
      rotation_policy: RotationPolicy;
    }[];
    const r = rows[0];
    return r && { id: r.id, termMonths: r.term_months, rotationPolicy: r.rotation_policy };
  }

  async listByCouncil(councilId: string, em: EntityManager = this.db.manager): Promise<PresidencyTermRow[]> {
    const rows = (await em.query(
      `SELECT ${TERM_COLUMNS}
         FROM presidency_terms t JOIN participants p ON p.id = t.participant_id
        WHERE t.council_id = $1
        ORDER BY lower(t.period)`,
      [councilId],
    )) as RawTerm[];
    return rows.map(toTerm);
  }

  async findInCouncil(em: EntityManager, councilId: string, termId: string): Promise<PresidencyTermRow | undefined> {
    const rows = (await em.query(
      `SELECT ${TERM_COLUMNS}
         FROM presidency_terms t JOIN participants p ON p.id = t.participant_id
        WHERE t.council_id = $1 AND t.id = $2`,
      [councilId, termId],
    )) as RawTerm[];
    return rows[0] && toTerm(rows[0]);
  }

  /** The first and the last term of the council, by start. */
  async findEnds(em: EntityManager, councilId: string): Promise<{ first?: PresidencyTermRow; last?: PresidencyTermRow }> {
    const rows = (await em.query(
      `(SELECT ${TERM_COLUMNS}, 'first' AS which FROM presidency_terms t JOIN participants p ON p.id = t.participant_id
         WHERE t.council_id = $1 ORDER BY lower(t.period) ASC LIMIT 1)
       UNION ALL
       (SELECT ${TERM_COLUMNS}, 'last' AS which FROM presidency_terms t JOIN participants p ON p.id = t.participant_id
         WHERE t.council_id = $1 ORDER BY lower(t.period) DESC LIMIT 1)`,
      [councilId],
    )) as (RawTerm & { which: 'first' | 'last' })[];
    const first = rows.find((r) => r.which === 'first');
    const last = rows.find((r) => r.which === 'last');
    return { first: first && toTerm(first), last: last && toTerm(last) };
  }

  /** The term covering the instant (half-open range). */
  async findCoveringAt(councilId: string, at: Date): Promise<PresidencyTermRow | undefined> {
    const rows = (await this.db.query(
      `SELECT ${TERM_COLUMNS}
         FROM presidency_terms t JOIN participants p ON p.id = t.participant_id
        WHERE t.council_id = $1 AND t.period @> $2::timestamptz`,
      [councilId, at],
    )) as RawTerm[];
    return rows[0] && toTerm(rows[0]);
  }

  async overlapsAny(em: EntityManager, councilId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
    const rows = (await em.query(`SELECT EXISTS (SELECT 1 FROM presidency_terms WHERE council_id = $1 AND period && tstzrange($2, $3, '[)')) AS overlaps`, [
      councilId,
      startsAt,
      endsAt,
    ])) as { overlaps: boolean }[];
    return rows[0]!.overlaps;
  }

  async findParticipantInCouncil(em: EntityManager, councilId: string, participantId: string): Promise<HolderCandidateRow | undefined> {
    const rows = (await em.query(`SELECT id, kind, status FROM participants WHERE council_id = $1 AND id = $2`, [
      councilId,
      participantId,
    ])) as HolderCandidateRow[];
    return rows[0];
  }

  /** The council's member states in rotation order (all statuses). */
  async listMemberStates(councilId: string): Promise<MemberStateRow[]> {
    const rows = (await this.db.query(
      `SELECT id, name, iso_code, rotation_position, status FROM participants
        WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position`,
      [councilId],
    )) as { id: string; name: string; iso_code: string; rotation_position: number; status: ParticipantStatus }[];
    return rows.map((r) => ({ id: r.id, name: r.name, isoCode: r.iso_code, rotationPosition: r.rotation_position, status: r.status }));
  }

  /** Inserts the term; the exclusion constraint refuses an overlap, the composite foreign key a holder that is not a member state. */
  async insert(em: EntityManager, term: NewTerm): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO presidency_terms (council_id, participant_id, holder_kind, period, source, note)
       VALUES ($1, $2, 'member_state', tstzrange($3, $4, '[)'), $5, $6)
       RETURNING id`,
      [term.councilId, term.participantId, term.startsAt, term.endsAt, term.source, term.note],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async deleteInCouncil(em: EntityManager, councilId: string, termId: string): Promise<void> {
    await em.query(`DELETE FROM presidency_terms WHERE council_id = $1 AND id = $2`, [councilId, termId]);
  }
}
