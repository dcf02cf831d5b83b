import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../../core/auth/caller.js';
import { DomainException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { admitItem } from '../../meetings/agenda/agenda-rules.js';
import { AgendaService } from '../../meetings/agenda/agenda.service.js';
import { ActionItemEscalationRepository, type UpcomingMeetingRow } from './action-item-escalation.repository.js';

/** The agenda item's title, in each language the council may work in. */
export const OVERDUE_ITEMS_TITLE: Readonly<Record<string, string>> = Object.freeze({
  es: 'Acciones vencidas',
  en: 'Overdue action items',
  fr: 'Actions en retard',
  pt: 'Itens de ação em atraso',
});

/** The worker acts for nobody: no role (the agenda's chair-only acceptance is never used). */
const SYSTEM: Caller = { userId: null, roles: [], councilId: null, delegateId: null, delegationId: null, participantId: null, scope: 'council' };

/** How many items one council's run places at most (the rest go next run). */
const BATCH = 1000;

/**
 * The last escalation step: items overdue by the council's agendaDays go onto the agenda of the council's next
 * senior officials meeting (not started, not cancelled or postponed), under one "Overdue action items" item
 * (purpose discussion) added through the agenda service — so the agenda's rules hold: supplementary once the
 * agenda is circulated; a meeting whose supplementary deadline has passed is skipped for the one after, unless
 * it already has the item. One transaction per council, serialised by an advisory lock; the placement's key
 * (item, meeting) and the "not yet placed for this due date" condition place each item once. No meeting
 * ahead: nothing happens (the next run tries again).
 */
@Injectable()
export class ActionItemEscalator {
  private readonly logger = new Logger('ActionItemEscalator');

  constructor(
    private readonly db: DataSource,
    private readonly repo: ActionItemEscalationRepository,
    private readonly agenda: AgendaService,
    private readonly audit: AuditService,
  ) {}

  /** Every council; returns how many items were placed. */
  async runAll(now: Date = new Date()): Promise<number> {
    let placed = 0;
    for (const skipped of await this.repo.councilsWithUnknownZone(this.db.manager)) {
      this.logger.warn({ councilId: skipped.id, timeZone: skipped.timeZone }, 'council skipped: its time zone is not known to the database');
    }
    for (const councilId of await this.repo.councilsWithCandidates(this.db.manager)) {
      try {
        placed += await this.runCouncil(councilId, now);
      } catch (err) {
        this.logger.error({ err, councilId }, 'could not put overdue action items on an agenda');
      }
    }
    return placed;
  }

  async runCouncil(councilId: string, now: Date = new Date()): Promise<number> {
    return this.db.transaction(async (em) => {
      await this.repo.lockCouncil(em, councilId);
      const items = await this.repo.candidates(em, councilId, BATCH);
      if (items.length === 0) return 0;
      for (const meeting of await this.repo.upcomingSeniorOfficials(em, councilId)) {
        const agendaItemId = meeting.overdueAgendaItemId ?? (await this.addOverdueItem(em, councilId, meeting, now));
        if (!agendaItemId) continue;
        const placed = await this.repo.place(em, councilId, meeting.id, agendaItemId, items);
        for (const p of placed) {
          await this.audit.record(em, {
            councilId,
            action: 'action_item.escalated_to_agenda',
            entityType: 'action_item',
            entityId: p.id,
            after: { meetingId: meeting.id, agendaItemId, dueDate: p.dueDate },
          });
        }
        if (placed.length) this.logger.log({ councilId, meetingId: meeting.id, placed: placed.length }, 'overdue action items put on the agenda');
        return placed.length;
      }
      return 0;
    });
  }

  /** Adds the "Overdue action items" item if the agenda admits one now; null when it does not (the next meeting is tried). */
  private async addOverdueItem(em: EntityManager, councilId: string, meeting: UpcomingMeetingRow, now: Date): Promise<string | null> {
    const agenda = { status: meeting.agendaStatus ?? 'draft', supplementaryDeadline: meeting.supplementaryDeadline && new Date(meeting.supplementaryDeadline) };
    if (!admitItem(agenda, now, false).admitted) return null;
    const title = Object.fromEntries(meeting.workingLanguages.filter((l) => OVERDUE_ITEMS_TITLE[l]).map((l) => [l, OVERDUE_ITEMS_TITLE[l]!]));
    try {
      const created = await this.agenda.addItem(councilId, meeting.id, { title, purpose: 'discussion' }, SYSTEM, now, em);
      await this.repo.recordOverdueAgendaItem(em, councilId, meeting.id, created.id);
      return created.id;
    } catch (err) {
      // The agenda refused (changed since it was read): try the next meeting.
      if (err instanceof DomainException && err.status < 500) return null;
      throw err;
    }
  }
}
