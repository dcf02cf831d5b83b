import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service.js';
import { ActionItemRemindersRepository } from '../action-items/reminders/action-item-reminders.repository.js';
import { ActionItemRemindersScheduler } from '../action-items/reminders/action-item-reminders.scheduler.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import type { SeededMeetings } from './demo-meetings.js';
import type { DemoRefs } from './demo-refs.js';
import { DEMO_WORK_ITEMS, type DemoStatus, type DemoWorkItem } from './demo-work.data.js';

/** Seeded item ids by key (demo-work.data.ts). */
export type SeededWork = Record<string, string>;

interface ItemState {
  status: DemoStatus;
  acknowledgedAt: Date | null;
  doneAt: Date | null;
  verifiedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  percent: number | null;
  rag: string | null;
  progressAt: Date | null;
  updatedAt: Date;
}

/**
 * The demo action items with their history, as ActionItemsService leaves them after each move and progress
 * report (the status timestamps the CHECKs hold, the latest progress copied onto the item, a history row and an
 * audit row per change), backdated along the demo calendar; then their reminders are planned by the scheduler
 * the service calls (due soon, overdue and escalation steps still ahead of now).
 */
export async function seedDemoWork(db: DataSource, em: EntityManager, refs: DemoRefs, seeded: SeededMeetings): Promise<SeededWork> {
  const ids: SeededWork = {};
  const scheduler = new ActionItemRemindersScheduler(new OutboxService(), new ActionItemRemindersRepository(db));
  const holder = await new CouncilReferencesRepository(db).presidingDelegation(refs.councilId, refs.clock.now, em);
  for (const item of DEMO_WORK_ITEMS) {
    const id = await insertItem(em, refs, seeded, item, holder);
    if (id === null) continue;
    ids[item.key] = id;
    await scheduler.plan(em, refs.councilId, id, refs.clock.now);
  }
  return ids;
}

async function insertItem(
  em: EntityManager,
  refs: DemoRefs,
  seeded: SeededMeetings,
  item: DemoWorkItem,
  presidencyDelegation: string | null,
): Promise<string | null> {
  const owner =
    'participant' in item.owner
      ? { kind: 'delegation', delegationId: refs.participant(item.owner.participant).delegationId, bodyId: null }
      : 'body' in item.owner
        ? { kind: 'body', delegationId: null, bodyId: refs.body(item.owner.body) }
        : { kind: 'presidency', delegationId: presidencyDelegation, bodyId: null };
  if (owner.kind === 'presidency' && owner.delegationId === null) return null;
  const ownerUserId = item.headInCharge && 'participant' in item.owner ? refs.participant(item.owner.participant).headUserId : null;
  const source =
    item.source === null
      ? { kind: item.recommendation ? 'recommendation' : 'none', decisionId: null, meetingId: null }
      : 'decision' in item.source
        ? { kind: 'decision', decisionId: seeded.decisions[item.source.decision]!, meetingId: seeded.meetings.past }
        : { kind: 'meeting', decisionId: null, meetingId: seeded.meetings[item.source.meeting] };
  const createdAt = refs.clock.at(item.createdDay);
  const state = finalState(item, refs, createdAt);
  const [row] = (await em.query(
    `INSERT INTO action_items (council_id, title, description, owner_kind, owner_delegation_id, owner_body_id, owner_user_id, due_date, priority,
                               source_kind, decision_id, meeting_id, recommendation_id, status, acknowledged_at, done_at, verified_at, verified_by,
                               cancelled_at, cancel_reason, progress_percent, progress_rag, progress_at, version, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
             (SELECT id FROM recommendations WHERE council_id = $1 AND number = $13),
             $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)
     RETURNING id`,
    [
      refs.councilId,
      JSON.stringify(item.title),
      item.description === undefined ? null : JSON.stringify(item.description),
      owner.kind,
      owner.delegationId,
      owner.bodyId,
      ownerUserId,
      refs.clock.date(item.dueDay),
      item.priority ?? 'normal',
      source.kind,
      source.decisionId,
      source.meetingId,
      item.recommendation ?? null,
      state.status,
      state.acknowledgedAt,
      state.doneAt,
      state.verifiedAt,
      state.verifiedAt === null ? null : refs.secretariatUserId,
      state.cancelledAt,
      state.cancelReason,
      state.percent,
      state.rag,
      state.progressAt,
      1 + item.steps.length,
      refs.secretariatUserId,
      createdAt,
      state.updatedAt,
    ],
  )) as { id: string }[];
  const id = row!.id;
  await refs.audit(em, 'action_item.created', 'action_item', id, {
    title: item.title,
    ownerKind: owner.kind,
    dueDate: refs.clock.date(item.dueDay),
    status: 'open',
  });
  await history(em, refs, id, item, ownerUserId ?? headOf(refs, item));
  return id;
}

function headOf(refs: DemoRefs, item: DemoWorkItem): string | null {
  return 'participant' in item.owner ? refs.participant(item.owner.participant).headUserId : refs.secretariatUserId;
}

/** A step's instant: steps of one day keep their order, a minute apart. */
function stepAt(refs: DemoRefs, day: number, index: number): Date {
  return new Date(refs.clock.at(day).getTime() + index * 60_000);
}

/** Replays the steps: the state the item ends in. */
function finalState(item: DemoWorkItem, refs: DemoRefs, createdAt: Date): ItemState {
  const s: ItemState = {
    status: 'open',
    acknowledgedAt: null,
    doneAt: null,
    verifiedAt: null,
    cancelledAt: null,
    cancelReason: null,
    percent: null,
    rag: null,
    progressAt: null,
    updatedAt: createdAt,
  };
  for (const [i, step] of item.steps.entries()) {
    const at = stepAt(refs, step.day, i);
    s.updatedAt = at;
    if ('progress' in step) {
      s.percent = step.progress;
      s.rag = step.rag;
      s.progressAt = at;
      continue;
    }
    s.status = step.to;
    if (step.to === 'acknowledged') s.acknowledgedAt = at;
    if (step.to === 'done') s.doneAt = at;
    if (step.to === 'verified') s.verifiedAt = at;
    if (step.to === 'cancelled') {
      s.cancelledAt = at;
      s.cancelReason = step.reason ?? 'cancelled';
    }
  }
  return s;
}

/** The history rows (action_item_updates) and audit rows of each step, at the step's instant. */
async function history(em: EntityManager, refs: DemoRefs, id: string, item: DemoWorkItem, authorId: string | null): Promise<void> {
  let status: DemoStatus = 'open';
  for (const [i, step] of item.steps.entries()) {
    const at = stepAt(refs, step.day, i);
    if ('progress' in step) {
      await em.query(
        `INSERT INTO action_item_updates (council_id, action_item_id, kind, text, percent, rag, attachment_url, author_id, created_at)
         VALUES ($1, $2, 'progress', $3, $4, $5, $6, $7, $8)`,
        [refs.councilId, id, step.text, step.progress, step.rag, step.link ?? null, authorId, at],
      );
      await refs.audit(em, 'action_item.progress_reported', 'action_item', id, {
        percent: step.progress,
        rag: step.rag,
        text: step.text,
        at: at.toISOString(),
      });
      continue;
    }
    const author = step.to === 'verified' || step.to === 'cancelled' ? refs.secretariatUserId : authorId;
    await em.query(
      `INSERT INTO action_item_updates (council_id, action_item_id, kind, text, status_from, status_to, author_id, created_at)
       VALUES ($1, $2, 'transition', $3, $4, $5, $6, $7)`,
      [refs.councilId, id, step.reason ?? null, status, step.to, author, at],
    );
    await refs.audit(em, `action_item.${step.to}`, 'action_item', id, { status: step.to, reason: step.reason ?? null, at: at.toISOString() }, { status });
    status = step.to;
  }
}
