import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '../../action-items/entities/action-item.entity.js';
import type { DossierStatus } from './entities/handover-dossier.entity.js';

export interface DossierRow {
  id: string;
  councilId: string;
  termId: string;
  status: DossierStatus;
  generatedAt: Date;
  submittedAt: Date | null;
  archivedAt: Date | null;
  version: number;
  /** How many entries can be acknowledged, and how many are. */
  totalItems: number;
  acknowledgedItems: number;
}

export interface DossierWithContent extends DossierRow {
  content: Record<string, unknown>;
}

export interface AssembledRow {
  id: string;
  inserted: boolean;
  version: number;
  generatedAt: Date;
  summary: Record<string, number>;
}

export interface AcknowledgementRow {
  id: string;
  itemKey: string;
  note: string | null;
  delegationId: string;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: Date;
}

/** An instant as JSON text in UTC with milliseconds (what the API gives everywhere). */
const ISO = (x: string) => `to_char((${x}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const OPEN = `a.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

/**
 * Every section of the dossier in one statement, set-based ($1 council, $2 term, $3 the instant it is assembled
 * at): open action items grouped by owner (json_agg per owner, one pass over the council's open items), pending
 * and deferred decisions, running silence procedures, meetings of the next 12 months, bodies whose leads or
 * mandates end within 6 months, the points of contact of every active participant, the term's priorities.
 * Each entry that can be acknowledged carries a stable `key`.
 */
const SECTIONS = `
  c AS (SELECT id, (($3::timestamptz) AT TIME ZONE time_zone)::date AS today FROM councils WHERE id = $1),
  w AS (SELECT c.today, (c.today + interval '6 months')::date AS bodies_until, $3::timestamptz + interval '12 months' AS meetings_until FROM c),
  items AS (
    SELECT a.id, a.title, a.owner_kind, coalesce(a.owner_body_id, a.owner_delegation_id) AS owner_id, a.owner_user_id,
           a.due_date, a.status, a.priority, a.due_date < w.today AS overdue
      FROM action_items a CROSS JOIN w
     WHERE a.council_id = $1 AND ${OPEN}),
  owners AS (
    SELECT i.owner_kind, i.owner_id, count(*)::int AS n, (count(*) FILTER (WHERE i.overdue))::int AS overdue,
           jsonb_agg(jsonb_build_object('key', 'action_item:' || i.id, 'id', i.id, 'title', i.title, 'dueDate', i.due_date::text,
                     'status', i.status, 'priority', i.priority, 'overdue', i.overdue, 'ownerUserName', u.full_name) ORDER BY i.due_date, i.id) AS items
      FROM items i LEFT JOIN users u ON u.id = i.owner_user_id
     GROUP BY i.owner_kind, i.owner_id),
  sections AS (SELECT jsonb_build_object(
    'today', (SELECT today::text FROM w),
    'windows', (SELECT jsonb_build_object('meetingsUntil', ${ISO('meetings_until')}, 'bodiesUntil', bodies_until::text) FROM w),
    'actionItems', jsonb_build_object(
      'total', coalesce((SELECT sum(n) FROM owners), 0),
      'overdue', coalesce((SELECT sum(overdue) FROM owners), 0),
      'byOwner', coalesce((
        SELECT jsonb_agg(jsonb_build_object('ownerKind', o.owner_kind, 'ownerId', o.owner_id, 'ownerName', coalesce(b.name, p.name),
                         'count', o.n, 'overdue', o.overdue, 'items', o.items) ORDER BY coalesce(b.name, p.name), o.owner_kind, o.owner_id)
          FROM owners o
          LEFT JOIN bodies b ON o.owner_kind = 'body' AND b.id = o.owner_id
          LEFT JOIN delegations d ON o.owner_kind <> 'body' AND d.id = o.owner_id
          LEFT JOIN participants p ON p.id = d.participant_id), '[]'::jsonb)),
    'decisions', jsonb_build_object(
      'pending', coalesce((
        SELECT jsonb_agg(jsonb_build_object('key', 'decision:' || d.id, 'id', d.id, 'text', d.text, 'meetingId', d.meeting_id,
                         'meetingTitle', m.title, 'meetingStartsAt', ${ISO('m.starts_at')}, 'proposedAt', ${ISO('d.created_at')}) ORDER BY d.created_at, d.id)
          FROM decisions d LEFT JOIN meetings m ON m.id = d.meeting_id
         WHERE d.council_id = $1 AND d.procedure = 'meeting' AND d.status = 'proposed'), '[]'::jsonb),
      'deferred', coalesce((
        SELECT jsonb_agg(jsonb_build_object('key', 'decision:' || d.id, 'id', d.id, 'text', d.text, 'meetingId', d.meeting_id,
                         'meetingTitle', m.title, 'deferredAt', ${ISO('d.closed_at')}) ORDER BY d.closed_at, d.id)
          FROM decisions d LEFT JOIN meetings m ON m.id = d.meeting_id
         WHERE d.council_id = $1 AND d.status = 'closed' AND d.outcome = 'deferred'), '[]'::jsonb)),
    'silenceProcedures', coalesce((
      SELECT jsonb_agg(jsonb_build_object('key', 'silence:' || d.id, 'id', d.id, 'text', d.text, 'deadline', ${ISO('d.silence_deadline')},
                       'bodyId', d.body_id, 'bodyName', b.name,
                       'standingObjections', (SELECT count(*) FROM decision_objections o WHERE o.decision_id = d.id AND o.withdrawn_at IS NULL))
                       ORDER BY d.silence_deadline, d.id)
        FROM decisions d LEFT JOIN bodies b ON b.id = d.body_id
       WHERE d.council_id = $1 AND d.procedure = 'written' AND d.status = 'proposed'), '[]'::jsonb),
    'meetings', coalesce((
      SELECT jsonb_agg(jsonb_build_object('key', 'meeting:' || m.id, 'id', m.id, 'title', m.title, 'kind', m.kind, 'status', m.status,
                       'startsAt', ${ISO('m.starts_at')}, 'endsAt', ${ISO('m.ends_at')}, 'timeZone', m.time_zone, 'venue', m.venue,
                       'bodyId', m.body_id, 'bodyName', b.name) ORDER BY m.starts_at, m.id)
        FROM meetings m CROSS JOIN w LEFT JOIN bodies b ON b.id = m.body_id
       WHERE m.council_id = $1 AND m.starts_at >= $3 AND m.starts_at < w.meetings_until AND m.status <> 'cancelled'), '[]'::jsonb),
    'bodies', coalesce((
      SELECT jsonb_agg(jsonb_build_object('key', 'body:' || b.id, 'id', b.id, 'name', b.name, 'kind', b.kind,
                       'mandateEnd', CASE WHEN b.mandate_end BETWEEN w.today AND w.bodies_until THEN b.mandate_end::text END,
                       'leadsEnding', coalesce((
                          SELECT jsonb_agg(jsonb_build_object('participantId', l.participant_id, 'participantName', p.name,
                                           'lastDay', (upper(l.period) - 1)::text) ORDER BY upper(l.period), p.name)
                            FROM body_leads l JOIN participants p ON p.id = l.participant_id
                           WHERE l.body_id = b.id AND upper(l.period) > w.today AND upper(l.period) <= w.bodies_until), '[]'::jsonb))
                       ORDER BY b.name, b.id)
        FROM bodies b CROSS JOIN w
       WHERE b.council_id = $1 AND b.status = 'active'
         AND (b.mandate_end BETWEEN w.today AND w.bodies_until
              OR EXISTS (SELECT 1 FROM body_leads l WHERE l.body_id = b.id AND upper(l.period) > w.today AND upper(l.period) <= w.bodies_until))), '[]'::jsonb),
    'contacts', coalesce((
      SELECT jsonb_agg(jsonb_build_object('delegationId', dl.id, 'participantId', p.id, 'participantName', p.name, 'participantKind', p.kind,
                       'isoCode', p.iso_code, 'contactEmail', dl.contact_email,
                       'people', coalesce((
                          SELECT jsonb_agg(jsonb_build_object('name', de.full_name, 'email', de.email, 'role', de.role) ORDER BY (de.role = 'head') DESC, de.full_name, de.id)
                            FROM delegates de WHERE de.delegation_id = dl.id AND de.active AND de.role IN ('head','alternate')), '[]'::jsonb))
                       ORDER BY p.kind, p.name)
        FROM delegations dl JOIN participants p ON p.id = dl.participant_id
       WHERE dl.council_id = $1 AND p.status = 'active'), '[]'::jsonb),
    'priorities', coalesce((
      SELECT jsonb_agg(jsonb_build_object('key', 'priority:' || pr.id, 'id', pr.id, 'title', pr.title, 'status', pr.status, 'notes', pr.notes)
                       ORDER BY pr.created_at, pr.id)
        FROM presidency_priorities pr WHERE pr.term_id = $2), '[]'::jsonb)
  ) AS s)`;

const RETURNING = `RETURNING id, (xmax = 0) AS inserted, version, generated_at AS "generatedAt",
  jsonb_build_object('actionItems', content->'actionItems'->'total', 'overdue', content->'actionItems'->'overdue',
    'pendingDecisions', jsonb_array_length(content->'decisions'->'pending'), 'deferredDecisions', jsonb_array_length(content->'decisions'->'deferred'),
    'silenceProcedures', jsonb_array_length(content->'silenceProcedures'), 'meetings', jsonb_array_length(content->'meetings'),
    'bodies', jsonb_array_length(content->'bodies'), 'priorities', jsonb_array_length(content->'priorities')) AS summary`;

/** Every entry key of a dossier's content (distinct: lax paths may meet one twice). */
const KEYS_OF = (content: string) => `(SELECT count(DISTINCT k)::int FROM jsonb_path_query(${content}, '$.**.key') k)`;

const DOSSIER_COLUMNS = `d.id, d.council_id AS "councilId", d.term_id AS "termId", d.status, d.generated_at AS "generatedAt",
  d.submitted_at AS "submittedAt", d.archived_at AS "archivedAt", d.version, ${KEYS_OF('d.content')} AS "totalItems",
  (SELECT count(*)::int FROM handover_acknowledgements a WHERE a.dossier_id = d.id) AS "acknowledgedItems"`;

/** Handover dossiers and their acknowledgements, with plain SQL. */
@Injectable()
export class DossierRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Assembles the term's dossier. `refresh`: creates it or replaces the content of an OPEN one (null when it is
   * submitted or archived); otherwise creates it only if it does not exist (null when it does) — the job's "once".
   */
  async assemble(
    em: EntityManager,
    councilId: string,
    termId: string,
    at: Date,
    meta: Record<string, unknown>,
    refresh: boolean,
  ): Promise<AssembledRow | null> {
    const conflict = refresh
      ? `ON CONFLICT (term_id) DO UPDATE SET content = EXCLUDED.content, generated_at = EXCLUDED.generated_at,
           version = handover_dossiers.version + 1, updated_at = now() WHERE handover_dossiers.status = 'open'`
      : `ON CONFLICT (term_id) DO NOTHING`;
    const rows = (await em.query(
      `WITH ${SECTIONS}
       INSERT INTO handover_dossiers (council_id, term_id, content, generated_at)
       SELECT $1, $2, $4::jsonb || sections.s, $3 FROM sections
       ${conflict}
       ${RETURNING}`,
      [councilId, termId, at, JSON.stringify(meta)],
    )) as AssembledRow[];
    return rows[0] ?? null;
  }

  async findByTerm(councilId: string, termId: string, em: EntityManager = this.db.manager): Promise<DossierRow | undefined> {
    const rows = (await em.query(`SELECT ${DOSSIER_COLUMNS} FROM handover_dossiers d WHERE d.council_id = $1 AND d.term_id = $2`, [
      councilId,
      termId,
    ])) as DossierRow[];
    return rows[0];
  }

  async findWithContent(councilId: string, termId: string): Promise<DossierWithContent | undefined> {
    const rows = (await this.db.query(`SELECT ${DOSSIER_COLUMNS}, d.content FROM handover_dossiers d WHERE d.council_id = $1 AND d.term_id = $2`, [
      councilId,
      termId,
    ])) as DossierWithContent[];
    return rows[0];
  }

  async lockByTerm(em: EntityManager, councilId: string, termId: string): Promise<{ id: string; status: DossierStatus; version: number } | undefined> {
    const rows = (await em.query(`SELECT id, status, version FROM handover_dossiers WHERE council_id = $1 AND term_id = $2 FOR UPDATE`, [
      councilId,
      termId,
    ])) as {
      id: string;
      status: DossierStatus;
      version: number;
    }[];
    return rows[0];
  }

  /** Open → submitted at the expected version; false when nothing matched. */
  async submit(em: EntityManager, dossierId: string, version: number, userId: string | null): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE handover_dossiers SET status = 'submitted', submitted_at = now(), submitted_by = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'open'`,
      [dossierId, version, userId],
    )) as [unknown, number];
    return count === 1;
  }

  async hasItem(em: EntityManager, dossierId: string, itemKey: string): Promise<boolean> {
    const rows = (await em.query(
      `SELECT jsonb_path_exists(content, '$.** ? (@.key == $k)', jsonb_build_object('k', $2::text)) AS found FROM handover_dossiers WHERE id = $1`,
      [dossierId, itemKey],
    )) as { found: boolean }[];
    return rows[0]?.found === true;
  }

  /** Records (or, for an entry already acknowledged, restates with the new note) an acknowledgement. */
  async acknowledge(
    em: EntityManager,
    a: { councilId: string; dossierId: string; itemKey: string; note: string | null; delegationId: string; userId: string | null },
  ): Promise<{ row: AcknowledgementRow; created: boolean; before: AcknowledgementRow | null }> {
    const before = (await em.query(
      `SELECT ${ACK_COLUMNS} FROM handover_acknowledgements a LEFT JOIN users u ON u.id = a.acknowledged_by WHERE a.dossier_id = $1 AND a.item_key = $2`,
      [a.dossierId, a.itemKey],
    )) as AcknowledgementRow[];
    const rows = (await em.query(
      `WITH up AS (
         INSERT INTO handover_acknowledgements (council_id, dossier_id, item_key, note, delegation_id, acknowledged_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (dossier_id, item_key) DO UPDATE SET note = EXCLUDED.note, delegation_id = EXCLUDED.delegation_id,
            acknowledged_by = EXCLUDED.acknowledged_by, acknowledged_at = now()
         RETURNING *)
       SELECT ${ACK_COLUMNS} FROM up a LEFT JOIN users u ON u.id = a.acknowledged_by`,
      [a.councilId, a.dossierId, a.itemKey, a.note, a.delegationId, a.userId],
    )) as AcknowledgementRow[];
    return { row: rows[0]!, created: before.length === 0, before: before[0] ?? null };
  }

  async listAcknowledgements(dossierId: string): Promise<AcknowledgementRow[]> {
    return (await this.db.query(
      `SELECT ${ACK_COLUMNS} FROM handover_acknowledgements a LEFT JOIN users u ON u.id = a.acknowledged_by WHERE a.dossier_id = $1 ORDER BY a.acknowledged_at, a.item_key`,
      [dossierId],
    )) as AcknowledgementRow[];
  }

  /** Terms whose dossier window is open at `now` (ending within their council's dossier days, not ended) and that have no dossier. */
  async termsDueForAssembly(now: Date, limit: number): Promise<{ termId: string; councilId: string }[]> {
    return (await this.db.query(
      `SELECT t.id AS "termId", t.council_id AS "councilId"
         FROM presidency_terms t LEFT JOIN council_handover_settings s ON s.council_id = t.council_id
        WHERE upper(t.period) > $1 AND upper(t.period) - make_interval(days => coalesce(s.dossier_days, 90)) <= $1
          AND NOT EXISTS (SELECT 1 FROM handover_dossiers d WHERE d.term_id = t.id)
        ORDER BY upper(t.period) LIMIT $2`,
      [now, limit],
    )) as { termId: string; councilId: string }[];
  }
}

const ACK_COLUMNS = `a.id, a.item_key AS "itemKey", a.note, a.delegation_id AS "delegationId", a.acknowledged_by AS "acknowledgedBy",
  u.full_name AS "acknowledgedByName", a.acknowledged_at AS "acknowledgedAt"`;
