import type { TermRef } from '../dossier/dossier-content.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface HolderRef {
  termId: string;
  participantId: string;
  name: string;
  isoCode: string | null;
  delegationId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** A term's holder as the API shows it (an entered term: not projected). */
export const termRef = (h: HolderRef): TermRef => ({
  termId: h.termId,
  participantId: h.participantId,
  name: h.name,
  isoCode: h.isoCode,
  startsAt: h.startsAt.toISOString(),
  endsAt: h.endsAt.toISOString(),
  projected: false,
});

/** A presidency term with what its handover needs: the council, the holder and its delegation, the successor (the term starting at its end, if entered). */
export interface HandoverTermRow {
  id: string;
  councilId: string;
  councilName: string;
  councilTimeZone: string;
  workingLanguages: string[];
  startsAt: Date;
  endsAt: Date;
  holder: HolderRef;
  successor: HolderRef | null;
}

interface Raw {
  id: string;
  council_id: string;
  council_name: string;
  time_zone: string;
  working_languages: string[];
  starts_at: Date;
  ends_at: Date;
  participant_id: string;
  holder_name: string;
  holder_iso: string | null;
  holder_delegation_id: string | null;
  next_term_id: string | null;
  next_participant_id: string | null;
  next_name: string | null;
  next_iso: string | null;
  next_delegation_id: string | null;
  next_starts: Date | null;
  next_ends: Date | null;
}

const SELECT = `
  SELECT t.id, t.council_id, c.name AS council_name, c.time_zone, c.working_languages,
         lower(t.period) AS starts_at, upper(t.period) AS ends_at,
         t.participant_id, p.name AS holder_name, p.iso_code AS holder_iso, d.id AS holder_delegation_id,
         n.id AS next_term_id, n.participant_id AS next_participant_id, np.name AS next_name, np.iso_code AS next_iso,
         nd.id AS next_delegation_id, lower(n.period) AS next_starts, upper(n.period) AS next_ends
    FROM presidency_terms t
    JOIN councils c ON c.id = t.council_id
    JOIN participants p ON p.id = t.participant_id
    LEFT JOIN delegations d ON d.participant_id = p.id
    LEFT JOIN presidency_terms n ON n.council_id = t.council_id AND lower(n.period) = upper(t.period)
    LEFT JOIN participants np ON np.id = n.participant_id
    LEFT JOIN delegations nd ON nd.participant_id = np.id`;

function toRow(r: Raw): HandoverTermRow {
  return {
    id: r.id,
    councilId: r.council_id,
    councilName: r.council_name,
    councilTimeZone: r.time_zone,
    workingLanguages: r.working_languages,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    holder: {
      termId: r.id,
      participantId: r.participant_id,
      name: r.holder_name,
      isoCode: r.holder_iso,
      delegationId: r.holder_delegation_id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
    },
    successor:
      r.next_term_id === null
        ? null
        : {
            termId: r.next_term_id,
            participantId: r.next_participant_id!,
            name: r.next_name!,
            isoCode: r.next_iso,
            delegationId: r.next_delegation_id,
            startsAt: new Date(r.next_starts!),
            endsAt: new Date(r.next_ends!),
          },
  };
}

/** Presidency terms as the handover sees them, read with plain SQL. */
@Injectable()
export class HandoverTermsRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
    return rows.length > 0;
  }

  /** The term of the council; with `holderDelegationId`, only if that delegation holds it (own-scoped callers). */
  async findInCouncil(
    councilId: string,
    termId: string,
    em: EntityManager = this.db.manager,
    holderDelegationId: string | null = null,
  ): Promise<HandoverTermRow | undefined> {
    const rows = (await em.query(`${SELECT} WHERE t.council_id = $1 AND t.id = $2 AND ($3::uuid IS NULL OR d.id = $3::uuid)`, [
      councilId,
      termId,
      holderDelegationId,
    ])) as Raw[];
    return rows[0] && toRow(rows[0]);
  }

  async findMany(em: EntityManager, termIds: string[]): Promise<HandoverTermRow[]> {
    if (termIds.length === 0) return [];
    const rows = (await em.query(`${SELECT} WHERE t.id = ANY($1::uuid[])`, [termIds])) as Raw[];
    return rows.map(toRow);
  }
}
