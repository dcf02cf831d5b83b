import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { HandoverSettingsRepository } from './handover-settings.repository.js';
import { remindersToSchedule } from './handover-timeline.js';

/**
 * Schedules the handover reminders of every term not ended yet (of one council, or of all) through the outbox,
 * under stable keys per term and stage: running it again changes nothing, and a term whose end moved (or a
 * council whose settings changed) gets its reminders moved. A reminder already due is never scheduled again;
 * a live one whose term end moved since says nothing when it fires (the kind checks its occurrence).
 */
@Injectable()
export class HandoverPlanner {
  constructor(
    private readonly settings: HandoverSettingsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns how many reminders were (re)scheduled. */
  async plan(em: EntityManager, now: Date, councilId: string | null = null): Promise<number> {
    const terms = await this.settings.plannableTerms(em, now, councilId);
    const wanted = terms.flatMap((t) => remindersToSchedule(t, t, now).map((r) => ({ term: t, r })));
    const live = new Map(
      (
        await this.settings.liveReminders(
          em,
          wanted.map((w) => w.r.key),
        )
      ).map((l) => [l.key, l]),
    );
    let scheduled = 0;
    for (const { term, r } of wanted) {
      const current = live.get(r.key);
      if (current && current.dueAt.getTime() === r.dueAt.getTime() && current.occurrence === r.occurrence) continue;
      await this.outbox.schedule(em, r.key, r.dueAt, {
        councilId: term.councilId,
        kind: r.kind,
        subjectType: 'presidency_term',
        subjectId: term.id,
        occurrence: r.occurrence,
      });
      scheduled++;
    }
    return scheduled;
  }
}
