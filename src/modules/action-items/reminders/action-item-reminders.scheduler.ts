import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import type { ActionItemRules } from './action-item-rules.js';
import { actionItemReminderPrefix, planActionItemReminders } from './action-item-reminders.js';
import { ActionItemRemindersRepository, type PlanInputRow } from './action-item-reminders.repository.js';

/**
 * The outbox side of action-item reminders, called inside the transaction of every change of an item
 * (creation, transition, reassignment or new due date, cancellation) and of a change of the council's rules.
 * Idempotent: the live steps are scheduled (scheduling a key again moves it), every other live key of the item
 * is cancelled. The kinds (worker) check the item again when a reminder fires.
 */
@Injectable()
export class ActionItemRemindersScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly repo: ActionItemRemindersRepository,
  ) {}

  /** Re-plans the item's reminders after a change (reads the item and the council's rules in `em`). */
  async plan(em: EntityManager, councilId: string, itemId: string, now: Date = new Date()): Promise<void> {
    const item = await this.repo.planInput(em, councilId, itemId);
    if (!item) return;
    await this.planItem(em, councilId, item, await this.repo.rules(councilId, em), now);
  }

  /** Re-plans every item of the council that still has reminders (after its rules changed); returns how many. */
  async planCouncil(em: EntityManager, councilId: string, rules: ActionItemRules, now: Date = new Date()): Promise<number> {
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const page = await this.repo.openItemsPage(em, councilId, after, 500);
      for (const item of page) await this.planItem(em, councilId, item, rules, now);
      n += page.length;
      if (page.length < 500) return n;
      after = page[page.length - 1]!.id;
    }
  }

  private async planItem(em: EntityManager, councilId: string, item: PlanInputRow, rules: ActionItemRules, now: Date): Promise<void> {
    const plan = planActionItemReminders(item, rules, now);
    const live = new Set(plan.filter((p) => p.dueAt !== null).map((p) => p.key));
    // Keys of steps that no longer apply (or of offsets the rules no longer have): no step's key is a prefix of another's.
    for (const key of await this.repo.liveKeys(em, actionItemReminderPrefix(item.id))) if (!live.has(key)) await this.outbox.cancel(em, key);
    for (const p of plan) {
      if (p.dueAt === null) continue;
      await this.outbox.schedule(em, p.key, p.dueAt, {
        councilId,
        kind: p.kind,
        subjectType: 'action_item',
        subjectId: item.id,
        occurrence: p.occurrence,
        payload: { step: p.step, dueDate: item.dueDate, days: p.days },
      });
    }
  }
}
