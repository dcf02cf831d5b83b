import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingRules } from './council-defaults.js';
import { MEETING_KINDS, type MeetingKind } from './entities/council-meeting-rule.entity.js';
import type { RotationPolicy, WorkingLanguage } from './entities/council.entity.js';

export interface CouncilRow {
  id: string;
  slug: string;
  name: string;
  workingLanguages: WorkingLanguage[];
  termMonths: number;
  rotationPolicy: RotationPolicy;
  quorumRatio: number;
  timeZone: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type CouncilValues = Omit<CouncilRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Columns a PATCH may set, by field name (the only names ever put into SQL text). */
const UPDATABLE: Record<keyof CouncilValues, string> = {
  slug: 'slug',
  name: 'name',
  workingLanguages: 'working_languages',
  termMonths: 'term_months',
  rotationPolicy: 'rotation_policy',
  quorumRatio: 'quorum_ratio',
  timeZone: 'time_zone',
};

const COLUMNS = `id, slug, name, working_languages, term_months, rotation_policy, quorum_ratio, time_zone, version, created_at, updated_at`;

interface RawCouncil {
  id: string;
  slug: string;
  name: string;
  working_languages: WorkingLanguage[];
  term_months: number;
  rotation_policy: RotationPolicy;
  quorum_ratio: string;
  time_zone: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface RawRule {
  council_id: string;
  meeting_kind: MeetingKind;
  notice_days: number;
  agenda_days: number;
  papers_days: number;
}

function toRow(r: RawCouncil): CouncilRow {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    workingLanguages: r.working_languages,
    termMonths: r.term_months,
    rotationPolicy: r.rotation_policy,
    quorumRatio: Number(r.quorum_ratio),
    timeZone: r.time_zone,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRules(rows: RawRule[]): MeetingRules {
  const rules = {} as MeetingRules;
  for (const r of rows) rules[r.meeting_kind] = { noticeDays: r.notice_days, agendaDays: r.agenda_days, papersDays: r.papers_days };
  return rules;
}

@Injectable()
export class CouncilsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, v: CouncilValues): Promise<CouncilRow> {
    const rows: RawCouncil[] = await em.query(
      `INSERT INTO councils (slug, name, working_languages, term_months, rotation_policy, quorum_ratio, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [v.slug, v.name, v.workingLanguages, v.termMonths, v.rotationPolicy, v.quorumRatio, v.timeZone],
    );
    return toRow(rows[0]);
  }

  /** Writes the rules of every kind given (insert or replace). */
  async saveMeetingRules(em: EntityManager, councilId: string, rules: Partial<MeetingRules>): Promise<void> {
    const kinds = MEETING_KINDS.filter((k) => rules[k] !== undefined);
    if (kinds.length === 0) return;
    await em.query(
      `INSERT INTO council_meeting_rules (council_id, meeting_kind, notice_days, agenda_days, papers_days)
       SELECT $1, k, n, a, p FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS t(k, n, a, p)
       ON CONFLICT (council_id, meeting_kind) DO UPDATE
         SET notice_days = EXCLUDED.notice_days, agenda_days = EXCLUDED.agenda_days, papers_days = EXCLUDED.papers_days`,
      [councilId, kinds, kinds.map((k) => rules[k]!.noticeDays), kinds.map((k) => rules[k]!.agendaDays), kinds.map((k) => rules[k]!.papersDays)],
    );
  }

  async list(): Promise<CouncilRow[]> {
    const rows: RawCouncil[] = await this.db.query(`SELECT ${COLUMNS} FROM councils ORDER BY name, id`);
    return rows.map(toRow);
  }

  async findById(id: string, em: EntityManager = this.db.manager): Promise<CouncilRow | undefined> {
    const rows: RawCouncil[] = await em.query(`SELECT ${COLUMNS} FROM councils WHERE id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  /** The council row, locked against concurrent updates until the transaction ends. */
  async findForUpdate(em: EntityManager, id: string): Promise<CouncilRow | undefined> {
    const rows: RawCouncil[] = await em.query(`SELECT ${COLUMNS} FROM councils WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM councils WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /**
   * Locks the council row (serialising changes to its membership, such as the
   * rotation order) and says whether it exists. Child inserts still proceed:
   * their foreign keys only take KEY SHARE locks.
   */
  async lockForChange(em: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM councils WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return rows.length > 0;
  }

  async meetingRulesOf(councilId: string, em: EntityManager = this.db.manager): Promise<MeetingRules> {
    const rows: RawRule[] = await em.query(
      `SELECT council_id, meeting_kind, notice_days, agenda_days, papers_days FROM council_meeting_rules WHERE council_id = $1`,
      [councilId],
    );
    return toRules(rows);
  }

  async meetingRulesOfAll(councilIds: string[]): Promise<Map<string, MeetingRules>> {
    const byCouncil = new Map<string, RawRule[]>();
    if (councilIds.length === 0) return new Map();
    const rows: RawRule[] = await this.db.query(
      `SELECT council_id, meeting_kind, notice_days, agenda_days, papers_days FROM council_meeting_rules WHERE council_id = ANY($1::uuid[])`,
      [councilIds],
    );
    for (const r of rows) byCouncil.set(r.council_id, [...(byCouncil.get(r.council_id) ?? []), r]);
    return new Map([...byCouncil].map(([id, rs]) => [id, toRules(rs)]));
  }

  /**
   * Sets the given fields and bumps the version if the client's version is
   * still current; undefined when no row matched (missing or stale).
   */
  async updateVersioned(em: EntityManager, id: string, version: number, changes: Partial<CouncilValues>): Promise<CouncilRow | undefined> {
    const params: unknown[] = [id, version];
    const sets: string[] = [];
    for (const key of Object.keys(UPDATABLE) as (keyof CouncilValues)[]) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${UPDATABLE[key]} = $${params.length}`);
    }
    sets.push('version = version + 1', 'updated_at = now()');
    const [rows] = (await em.query(`UPDATE councils SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`, params)) as [
      RawCouncil[],
      number,
    ];
    return rows[0] ? toRow(rows[0]) : undefined;
  }
}
