import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service.js';
import { DEFAULT_MEETING_RULES } from '../councils/council-defaults.js';
import { MeetingRemindersScheduler } from '../meetings/meeting-reminders.scheduler.js';
import { draftContent } from '../meetings/minutes/minutes-content.js';
import { MinutesRepository } from '../meetings/minutes/minutes.repository.js';
import { quorumRequired } from '../meetings/session/consensus.js';
import {
  DEMO_MEETINGS,
  DEMO_MINUTES_COMMENT,
  DEMO_MINUTES_NOTES,
  DEMO_PAST_ATTENDANCE,
  DEMO_SILENCE,
  type DemoAgendaItem,
  type DemoMeeting,
} from './demo-meetings.data.js';
import type { DemoRefs } from './demo-refs.js';

export interface SeededMeetings {
  /** Meeting ids by key: past (minutes approved), upcoming (agenda circulated), planned (draft). */
  meetings: Record<DemoMeeting['key'], string>;
  /** The past meeting's decisions by key (labour, children, climate). */
  decisions: Record<string, string>;
  /** The running silence procedure (a written decision). */
  silenceId: string;
}

/**
 * The demo meetings, written as the meeting, agenda, session, minutes and silence services leave them — with
 * the instants of a council that has been working for a while (a meeting held weeks ago, its minutes approved
 * since), which the services, bound to "now", could not backdate. Each row has the audit row its service writes.
 */
export async function seedDemoMeetings(db: DataSource, em: EntityManager, refs: DemoRefs): Promise<SeededMeetings> {
  const meetings = {} as Record<DemoMeeting['key'], string>;
  const decisions: Record<string, string> = {};
  const itemIds: Record<DemoMeeting['key'], string[]> = { past: [], upcoming: [], planned: [] };
  for (const m of DEMO_MEETINGS) {
    const start = refs.clock.local(m.day, m.timeZone, m.hour);
    const end = new Date(start.getTime() + m.hours * 3_600_000);
    const plan = timeline(m, start, end, refs);
    const [row] = (await em.query(
      `INSERT INTO meetings (council_id, body_id, kind, title, starts_at, ends_at, time_zone, venue, online_url, host_participant_id, status,
                             convened_at, opened_at, closed_at, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        refs.councilId,
        m.body === null ? null : refs.body(m.body),
        m.kind,
        m.title,
        start,
        end,
        m.timeZone,
        m.venue,
        m.onlineUrl,
        refs.participant(m.host).participantId,
        plan.status,
        plan.convenedAt,
        plan.openedAt,
        plan.closedAt,
        plan.version,
        plan.createdAt,
        plan.updatedAt,
      ],
    )) as { id: string }[];
    const meetingId = row!.id;
    meetings[m.key] = meetingId;
    await refs.audit(em, 'meeting.created', 'meeting', meetingId, { title: m.title, kind: m.kind, startsAt: start.toISOString(), timeZone: m.timeZone });
    for (const status of plan.passed) await refs.audit(em, `meeting.${status}`, 'meeting', meetingId, { status });

    await em.query(
      `INSERT INTO meeting_agendas (meeting_id, council_id, status, circulated_at, adopted_at, supplementary_deadline, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        meetingId,
        refs.councilId,
        plan.agenda.status,
        plan.agenda.circulatedAt,
        plan.agenda.adoptedAt,
        plan.agenda.supplementaryDeadline,
        plan.agenda.version,
        plan.createdAt,
      ],
    );
    let position = 0;
    for (const item of m.items) itemIds[m.key].push(await insertAgendaItem(em, refs, meetingId, ++position, item, plan.createdAt));
    if (plan.agenda.status !== 'draft')
      await refs.audit(em, 'agenda.circulated', 'meeting_agenda', meetingId, { status: 'circulated', circulatedAt: plan.agenda.circulatedAt!.toISOString() });
    if (plan.agenda.status === 'adopted')
      await refs.audit(em, 'agenda.adopted', 'meeting_agenda', meetingId, { status: 'adopted', adoptedAt: plan.agenda.adoptedAt!.toISOString() });

    if (m.key === 'past') {
      await seedSession(em, refs, meetingId, m, itemIds.past, start, end, decisions);
      await seedMinutes(db, em, refs, meetingId, m, itemIds.past, end);
    }
    if (m.key === 'upcoming') {
      // The 7- and 1-day reminders and the papers reminder, as convening plans them.
      const papersDays = DEFAULT_MEETING_RULES[m.kind].papersDays;
      await new MeetingRemindersScheduler(new OutboxService()).plan(em, refs.councilId, meetingId, start, m.timeZone, papersDays, refs.clock.now);
    }
  }
  const silenceId = await seedSilence(em, refs);
  return { meetings, decisions, silenceId };
}

interface MeetingPlan {
  status: string;
  passed: string[];
  convenedAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  agenda: {
    status: 'draft' | 'circulated' | 'adopted';
    circulatedAt: Date | null;
    adoptedAt: Date | null;
    supplementaryDeadline: Date | null;
    version: number;
  };
}

/** Where each meeting is in its life, and when it got there. */
function timeline(m: DemoMeeting, start: Date, end: Date, refs: DemoRefs): MeetingPlan {
  const supplementary = new Date(start.getTime() - 72 * 3_600_000);
  if (m.key === 'past') {
    const created = new Date(start.getTime() - 75 * 86_400_000);
    const passed = ['convened', 'agenda_circulated', 'in_session', 'closed', 'minutes_circulated', 'minutes_approved'];
    return {
      status: 'minutes_approved',
      passed,
      convenedAt: new Date(start.getTime() - 70 * 86_400_000),
      openedAt: start,
      closedAt: new Date(end.getTime() - 30 * 60_000),
      createdAt: created,
      updatedAt: refs.clock.at(-5),
      version: 1 + passed.length,
      agenda: {
        status: 'adopted',
        circulatedAt: new Date(start.getTime() - 50 * 86_400_000),
        adoptedAt: start,
        supplementaryDeadline: supplementary,
        version: 3,
      },
    };
  }
  if (m.key === 'upcoming') {
    return {
      status: 'agenda_circulated',
      passed: ['convened', 'agenda_circulated'],
      convenedAt: refs.clock.at(-38),
      openedAt: null,
      closedAt: null,
      createdAt: refs.clock.at(-40),
      updatedAt: refs.clock.at(-4),
      version: 3,
      agenda: { status: 'circulated', circulatedAt: refs.clock.at(-4), adoptedAt: null, supplementaryDeadline: supplementary, version: 2 },
    };
  }
  return {
    status: 'draft',
    passed: [],
    convenedAt: null,
    openedAt: null,
    closedAt: null,
    createdAt: refs.clock.at(-1),
    updatedAt: refs.clock.at(-1),
    version: 1,
    agenda: { status: 'draft', circulatedAt: null, adoptedAt: null, supplementaryDeadline: null, version: 1 },
  };
}

async function insertAgendaItem(em: EntityManager, refs: DemoRefs, meetingId: string, position: number, item: DemoAgendaItem, at: Date): Promise<string> {
  const [row] = (await em.query(
    `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose, presenter_participant_id, minutes_allotted, documents, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [
      refs.councilId,
      meetingId,
      position,
      JSON.stringify(item.title),
      item.purpose,
      item.presenter === undefined ? null : refs.participant(item.presenter).participantId,
      item.minutes ?? null,
      JSON.stringify(item.documents ?? []),
      at,
    ],
  )) as { id: string }[];
  await refs.audit(em, 'agenda_item.created', 'agenda_item', row!.id, { meetingId, position, title: item.title, purpose: item.purpose });
  return row!.id;
}

/** Attendance, and the decisions closed in session with the quorum of the member states present. */
async function seedSession(
  em: EntityManager,
  refs: DemoRefs,
  meetingId: string,
  m: DemoMeeting,
  itemIds: string[],
  start: Date,
  end: Date,
  decisions: Record<string, string>,
): Promise<void> {
  const present = new Map(DEMO_PAST_ATTENDANCE.map((a) => [a.participant, a.by]));
  let statesPresent = 0;
  for (const p of refs.allParticipants()) {
    const by = present.get(p.key) ?? null;
    if (by !== null && p.kind === 'member_state') statesPresent++;
    await em.query(
      `INSERT INTO meeting_attendance (meeting_id, delegation_id, council_id, present, represented_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [meetingId, p.delegationId, refs.councilId, by !== null, by, start],
    );
  }
  await refs.audit(em, 'attendance.recorded', 'meeting', meetingId, { present: present.size, memberStatesPresent: statesPresent });
  const active = refs.allParticipants().filter((p) => p.kind === 'member_state').length;
  const required = quorumRequired(refs.quorumRatio, active);
  for (const [i, item] of m.items.entries()) {
    if (!item.decision) continue;
    const d = item.decision;
    const proposedAt = new Date(start.getTime() + (i + 1) * 3_600_000);
    const closedAt = new Date(Math.min(proposedAt.getTime() + 40 * 60_000, end.getTime() - 60 * 60_000));
    const [row] = (await em.query(
      `INSERT INTO decisions (council_id, meeting_id, agenda_item_id, text, status, outcome, closed_at, member_states_present, active_member_states,
                              quorum_required, proposed_by, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'closed', $5, $6, $7, $8, $9, $10, 2, $11, $6) RETURNING id`,
      [refs.councilId, meetingId, itemIds[i], JSON.stringify(d.text), d.outcome, closedAt, statesPresent, active, required, refs.secretariatUserId, proposedAt],
    )) as { id: string }[];
    decisions[d.key] = row!.id;
    await refs.audit(em, 'decision.proposed', 'decision', row!.id, { meetingId, agendaItemId: itemIds[i], text: d.text });
    for (const pos of d.positions ?? []) {
      const p = refs.participant(pos.participant);
      await em.query(
        `INSERT INTO decision_positions (council_id, decision_id, delegation_id, position, note, stated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [refs.councilId, row!.id, p.delegationId, pos.position, pos.note, p.headUserId, proposedAt],
      );
      await refs.audit(em, 'decision.position_stated', 'decision', row!.id, { delegationId: p.delegationId, position: pos.position, note: pos.note });
    }
    await refs.audit(em, 'decision.closed', 'decision', row!.id, {
      status: 'closed',
      outcome: d.outcome,
      closedAt: closedAt.toISOString(),
      quorum: { memberStatesPresent: statesPresent, activeMemberStates: active, required },
    });
  }
}

/** The minutes drafted from the session (as MinutesService drafts them), with summaries, circulated, commented and approved. */
async function seedMinutes(db: DataSource, em: EntityManager, refs: DemoRefs, meetingId: string, m: DemoMeeting, itemIds: string[], end: Date): Promise<void> {
  const repo = new MinutesRepository(db);
  const meeting = (await repo.findMeeting(refs.councilId, meetingId, em))!;
  const content = draftContent(await repo.draftSource(em, meeting), DEMO_MINUTES_NOTES as Record<string, string>);
  for (const item of content.items) {
    const summary = m.items[itemIds.indexOf(item.agendaItemId)]?.summary;
    if (summary) item.summary = summary as Record<string, string>;
  }
  const circulatedAt = new Date(end.getTime() + 3 * 86_400_000);
  const commentDeadline = new Date(circulatedAt.getTime() + 10 * 86_400_000);
  const approvedAt = refs.clock.at(-5);
  const [row] = (await em.query(
    `INSERT INTO minutes (council_id, meeting_id, status, content, comment_deadline, circulated_at, approved_at, approved_by, version, created_at, updated_at)
     VALUES ($1, $2, 'approved', $3, $4, $5, $6, $7, 4, $8, $6) RETURNING id`,
    [
      refs.councilId,
      meetingId,
      JSON.stringify(content),
      commentDeadline,
      circulatedAt,
      approvedAt,
      refs.secretariatUserId,
      new Date(end.getTime() + 86_400_000),
    ],
  )) as { id: string }[];
  const minutesId = row!.id;
  await refs.audit(em, 'minutes.drafted', 'minutes', minutesId, { meetingId, status: 'draft' });
  await refs.audit(em, 'minutes.circulated', 'minutes', minutesId, {
    status: 'circulated',
    circulatedAt: circulatedAt.toISOString(),
    commentDeadline: commentDeadline.toISOString(),
  });
  const commenter = refs.participant(DEMO_MINUTES_COMMENT.participant);
  await em.query(
    `INSERT INTO minutes_comments (council_id, minutes_id, delegation_id, author_id, agenda_item_id, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      refs.councilId,
      minutesId,
      commenter.delegationId,
      commenter.headUserId,
      itemIds[2],
      DEMO_MINUTES_COMMENT.text,
      new Date(circulatedAt.getTime() + 2 * 86_400_000),
    ],
  );
  await refs.audit(em, 'minutes.commented', 'minutes', minutesId, { delegationId: commenter.delegationId, text: DEMO_MINUTES_COMMENT.text });
  await refs.audit(em, 'minutes.approved', 'minutes', minutesId, { status: 'approved', approvedAt: approvedAt.toISOString() });
}

/** A written decision circulated two days ago, silence until five days from now; the worker's sweep closes it at the deadline. */
async function seedSilence(em: EntityManager, refs: DemoRefs): Promise<string> {
  const circulated = refs.clock.at(-DEMO_SILENCE.circulatedDaysAgo);
  const deadline = refs.clock.local(DEMO_SILENCE.deadlineInDays, refs.clock.councilZone, 18);
  const [row] = (await em.query(
    `INSERT INTO decisions (council_id, procedure, text, silence_deadline, body_id, proposed_by, created_at, updated_at)
     VALUES ($1, 'written', $2, $3, $4, $5, $6, $6) RETURNING id`,
    [refs.councilId, JSON.stringify(DEMO_SILENCE.text), deadline, refs.body(DEMO_SILENCE.body), refs.secretariatUserId, circulated],
  )) as { id: string }[];
  await refs.audit(em, 'decision.circulated', 'decision', row!.id, { procedure: 'written', text: DEMO_SILENCE.text, deadline: deadline.toISOString() });
  for (const pos of DEMO_SILENCE.positions) {
    const p = refs.participant(pos.participant);
    await em.query(
      `INSERT INTO decision_positions (council_id, decision_id, delegation_id, position, note, stated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [refs.councilId, row!.id, p.delegationId, pos.position, pos.note, p.headUserId, refs.clock.at(-1)],
    );
    await refs.audit(em, 'decision.position_stated', 'decision', row!.id, { delegationId: p.delegationId, position: pos.position, note: pos.note });
  }
  return row!.id;
}
