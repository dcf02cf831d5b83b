import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { presidingTermSql } from '../../councils/council-references.repository.js';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { MinutesStatus } from './entities/minutes.entity.js';
import type { DraftSource, MinutesContent, MinutesMeeting } from './minutes-content.js';
import { iso } from '../../../core/http/iso.js';

/** The meeting minutes belong to, with what their rules need. */
export interface MinutesMeetingRow extends MinutesMeeting {
  councilId: string;
  status: MeetingStatus;
  workingLanguages: string[];
}

export interface MinutesRow {
  id: string;
  councilId: string;
  meetingId: string;
  status: MinutesStatus;
  content: MinutesContent;
  commentDeadline: Date | null;
  circulatedAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  commentCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MinutesCommentRow {
  id: string;
  minutesId: string;
  meetingId: string;
  delegationId: string;
  delegationName: string;
  participantKind: ParticipantKind;
  authorId: string | null;
  authorName: string | null;
  agendaItemId: string | null;
  text: string;
  createdAt: Date;
}

export interface ApprovedMinutesRow {
  meetingId: string;
  meetingTitle: string;
  meetingKind: MeetingKind;
  meetingStartsAt: Date;
  circulatedAt: Date;
  approvedAt: Date;
  content: MinutesContent;
}

const MINUTES_COLUMNS = `n.id, n.council_id AS "councilId", n.meeting_id AS "meetingId", n.status, n.content, n.comment_deadline AS "commentDeadline",
  n.circulated_at AS "circulatedAt", n.approved_at AS "approvedAt", n.approved_by AS "approvedBy",
  (SELECT count(*)::int FROM minutes_comments c WHERE c.minutes_id = n.id) AS "commentCount",
  n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;

const COMMENT_SELECT = `
  SELECT c.id, c.minutes_id AS "minutesId", n.meeting_id AS "meetingId", c.delegation_id AS "delegationId", d.name AS "delegationName",
         p.kind AS "participantKind", c.author_id AS "authorId", u.full_name AS "authorName", c.agenda_item_id AS "agendaItemId", c.text,
         c.created_at AS "createdAt"
    FROM minutes_comments c
    JOIN minutes n ON n.id = c.minutes_id
    JOIN delegations d ON d.id = c.delegation_id
    JOIN participants p ON p.id = d.participant_id
    LEFT JOIN users u ON u.id = c.author_id`;

/**
 * Minutes and their comments, in plain SQL. Writers lock the meeting first
 * (NO KEY UPDATE when they move it, SHARE otherwise), then the minutes row
 * (UPDATE to change it, SHARE to comment), always in that order.
 */
@Injectable()
export class MinutesRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string): Promise<boolean> {
    return ((await this.db.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[]).length > 0;
  }

  async findMeeting(
    councilId: string,
    meetingId: string,
    em: EntityManager = this.db.manager,
    lock?: 'share' | 'update',
  ): Promise<MinutesMeetingRow | undefined> {
    const rows = (await em.query(
      `SELECT m.id, m.council_id AS "councilId", m.status, m.title, m.kind, m.body_id AS "bodyId", m.starts_at AS "startsAt", m.ends_at AS "endsAt",
              m.time_zone AS "timeZone", m.venue, m.online_url AS "onlineUrl", c.working_languages AS "workingLanguages",
              CASE WHEN ch.participant_id IS NULL THEN NULL ELSE jsonb_build_object('participantId', ch.participant_id, 'name', ch.name) END AS chair
         FROM meetings m JOIN councils c ON c.id = m.council_id
         LEFT JOIN LATERAL (
           SELECT p.id AS participant_id, p.name FROM (${presidingTermSql('m.council_id', 'm.starts_at')}) t JOIN participants p ON p.id = t.participant_id
            WHERE m.body_id IS NULL
         ) ch ON true
        WHERE m.id = $1 AND m.council_id = $2${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'NO KEY UPDATE'} OF m` : ''}`,
      [meetingId, councilId],
    )) as (Omit<MinutesMeetingRow, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date })[];
    const r = rows[0];
    return r && { ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt) };
  }

  /** Everything the first draft is made of: attendance, agenda items, decisions with their objections and positions. */
  async draftSource(em: EntityManager, meeting: MinutesMeetingRow): Promise<DraftSource> {
    const attendance = (await em.query(
      `SELECT a.delegation_id AS "delegationId", d.name AS "delegationName", p.id AS "participantId", p.name AS "participantName",
              p.kind AS "participantKind", a.present, a.represented_by AS "representedBy"
         FROM meeting_attendance a JOIN delegations d ON d.id = a.delegation_id JOIN participants p ON p.id = d.participant_id
        WHERE a.meeting_id = $1`,
      [meeting.id],
    )) as DraftSource['attendance'];
    const items = (await em.query(`SELECT id, position, title, purpose, status FROM agenda_items WHERE meeting_id = $1 ORDER BY position`, [
      meeting.id,
    ])) as DraftSource['items'];
    const decisions = (
      (await em.query(
        `SELECT id, agenda_item_id AS "agendaItemId", text, status, outcome, closed_at AS "closedAt", created_at AS "createdAt",
                member_states_present AS "memberStatesPresent", active_member_states AS "activeMemberStates", quorum_required AS "quorumRequired"
           FROM decisions WHERE meeting_id = $1 ORDER BY created_at, id`,
        [meeting.id],
      )) as {
        id: string;
        agendaItemId: string;
        text: Record<string, string>;
        status: 'proposed' | 'closed';
        outcome: 'adopted' | 'not_adopted' | 'deferred' | null;
        closedAt: Date | null;
        createdAt: Date;
        memberStatesPresent: number | null;
        activeMemberStates: number | null;
        quorumRequired: number | null;
      }[]
    ).map((d) => ({
      id: d.id,
      agendaItemId: d.agendaItemId,
      text: d.text,
      status: d.status,
      outcome: d.outcome,
      closedAt: d.closedAt === null ? null : iso(d.closedAt),
      createdAt: iso(d.createdAt),
      quorum:
        d.memberStatesPresent === null
          ? null
          : { memberStatesPresent: d.memberStatesPresent, activeMemberStates: d.activeMemberStates!, required: d.quorumRequired! },
    }));
    const objections = (await em.query(
      `SELECT o.decision_id AS "decisionId", o.delegation_id AS "delegationId", d.name AS "delegationName", o.reason, o.withdrawn_at IS NOT NULL AS withdrawn
         FROM decision_objections o JOIN decisions x ON x.id = o.decision_id JOIN delegations d ON d.id = o.delegation_id
        WHERE x.meeting_id = $1 ORDER BY o.created_at, o.id`,
      [meeting.id],
    )) as DraftSource['objections'];
    const positions = (await em.query(
      `SELECT y.decision_id AS "decisionId", y.delegation_id AS "delegationId", d.name AS "delegationName", p.kind AS "participantKind", y.position, y.note
         FROM decision_positions y JOIN decisions x ON x.id = y.decision_id JOIN delegations d ON d.id = y.delegation_id JOIN participants p ON p.id = d.participant_id
        WHERE x.meeting_id = $1 ORDER BY y.created_at, y.id`,
      [meeting.id],
    )) as DraftSource['positions'];
    const { councilId: _c, status: _s, workingLanguages, ...meetingRef } = meeting;
    return { meeting: meetingRef, languages: workingLanguages, attendance, items, decisions, objections, positions };
  }

  async insert(em: EntityManager, councilId: string, meetingId: string, content: MinutesContent): Promise<string> {
    const rows = (await em.query(`INSERT INTO minutes (council_id, meeting_id, content) VALUES ($1, $2, $3) RETURNING id`, [
      councilId,
      meetingId,
      JSON.stringify(content),
    ])) as { id: string }[];
    return rows[0]!.id;
  }

  async find(councilId: string, meetingId: string, em: EntityManager = this.db.manager, lock?: 'share' | 'update'): Promise<MinutesRow | undefined> {
    const rows = (await em.query(
      `SELECT ${MINUTES_COLUMNS} FROM minutes n WHERE n.meeting_id = $1 AND n.council_id = $2${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'} OF n` : ''}`,
      [meetingId, councilId],
    )) as MinutesRow[];
    return rows[0];
  }

  /** Replaces the content at the version read; false when the version is no longer current. */
  async updateContentVersioned(em: EntityManager, id: string, version: number, content: MinutesContent): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE minutes SET content = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND status <> 'approved'`,
      [id, version, JSON.stringify(content)],
    )) as [unknown, number];
    return count === 1;
  }

  async circulate(em: EntityManager, id: string, version: number, circulatedAt: Date, commentDeadline: Date): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE minutes SET status = 'circulated', circulated_at = $3, comment_deadline = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'draft'`,
      [id, version, circulatedAt, commentDeadline],
    )) as [unknown, number];
    return count === 1;
  }

  async approve(em: EntityManager, id: string, version: number, approvedAt: Date, approvedBy: string | null): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE minutes SET status = 'approved', approved_at = $3, approved_by = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'circulated'`,
      [id, version, approvedAt, approvedBy],
    )) as [unknown, number];
    return count === 1;
  }

  /** Moves the meeting from one status to the next (as its own transition would); false when it is no longer in `from`. */
  async moveMeeting(em: EntityManager, councilId: string, meetingId: string, from: MeetingStatus, to: MeetingStatus): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE meetings SET status = $4, version = version + 1, updated_at = now() WHERE id = $1 AND council_id = $2 AND status = $3`,
      [meetingId, councilId, from, to],
    )) as [unknown, number];
    return count === 1;
  }

  /** Active member states of the council whose delegation has not commented on the minutes. */
  async memberStatesWithoutComment(em: EntityManager, councilId: string, minutesId: string): Promise<number> {
    const rows = (await em.query(
      `SELECT count(*)::int AS n FROM participants p
        WHERE p.council_id = $1 AND p.kind = 'member_state' AND p.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM delegations d JOIN minutes_comments c ON c.delegation_id = d.id AND c.minutes_id = $2 WHERE d.participant_id = p.id)`,
      [councilId, minutesId],
    )) as { n: number }[];
    return rows[0]!.n;
  }

  async agendaItemInMeeting(em: EntityManager, meetingId: string, itemId: string): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2`, [itemId, meetingId])) as unknown[]).length > 0;
  }

  async insertComment(
    em: EntityManager,
    c: { councilId: string; minutesId: string; delegationId: string; authorId: string | null; agendaItemId: string | null; text: string },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO minutes_comments (council_id, minutes_id, delegation_id, author_id, agenda_item_id, text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.councilId, c.minutesId, c.delegationId, c.authorId, c.agendaItemId, c.text],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async findComment(em: EntityManager, id: string): Promise<MinutesCommentRow | undefined> {
    const rows = (await em.query(`${COMMENT_SELECT} WHERE c.id = $1`, [id])) as MinutesCommentRow[];
    return rows[0];
  }

  async listComments(councilId: string, minutesId: string): Promise<MinutesCommentRow[]> {
    return this.db.query(`${COMMENT_SELECT} WHERE c.minutes_id = $1 AND c.council_id = $2 ORDER BY c.created_at, c.id`, [minutesId, councilId]);
  }

  async listApproved(councilId: string): Promise<Omit<ApprovedMinutesRow, 'content'>[]> {
    return this.db.query(
      `SELECT n.meeting_id AS "meetingId", m.title AS "meetingTitle", m.kind AS "meetingKind", m.starts_at AS "meetingStartsAt",
              n.circulated_at AS "circulatedAt", n.approved_at AS "approvedAt"
         FROM minutes n JOIN meetings m ON m.id = n.meeting_id
        WHERE n.council_id = $1 AND n.status = 'approved'
        ORDER BY n.approved_at DESC, n.meeting_id`,
      [councilId],
    );
  }

  async findApproved(councilId: string, meetingId: string): Promise<ApprovedMinutesRow | undefined> {
    const rows = (await this.db.query(
      `SELECT n.meeting_id AS "meetingId", m.title AS "meetingTitle", m.kind AS "meetingKind", m.starts_at AS "meetingStartsAt",
              n.circulated_at AS "circulatedAt", n.approved_at AS "approvedAt", n.content
         FROM minutes n JOIN meetings m ON m.id = n.meeting_id
        WHERE n.council_id = $1 AND n.meeting_id = $2 AND n.status = 'approved'`,
      [councilId, meetingId],
    )) as ApprovedMinutesRow[];
    return rows[0];
  }
}
