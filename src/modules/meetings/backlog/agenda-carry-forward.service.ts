import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictException, DomainException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { ActionItemCarryOverService } from '../../action-items/carry-over/action-item-carry-over.service.js';
import { AgendaRepository } from '../agenda/agenda.repository.js';
import { AgendaItemCarryForwardService } from '../agenda/agenda-item-carry-forward.service.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { BacklogRepository, NEXT_MEETING_STATUSES } from './backlog.repository.js';
import type { CarriedAgendaItemResponse } from './dto/carried-agenda-item.response.js';
import type { CarryForwardAgendaDto } from './dto/carry-forward-agenda.dto.js';
import type { CarryForwardAgendaResponse } from './dto/carry-forward-agenda.response.js';

/** Meetings that have met (or are meeting): their leftover items can be carried forward. */
export const HELD_MEETING_STATUSES: readonly MeetingStatus[] = ['in_session', 'closed', 'minutes_circulated', 'minutes_approved'];

/**
 * Carries, in one call and one transaction, every item of a held meeting's
 * agenda that is still open (no decision proposed) or undecided (decisions
 * deferred or not closed) to the next meeting of the same body — for a
 * council meeting, the next council meeting of the same kind — that has not
 * started and is not cancelled. Each item goes through the agenda service's
 * single-item carry (its rules, its audit rows), in a savepoint of this transaction.
 */
@Injectable()
export class AgendaCarryForwardService {
  constructor(
    private readonly db: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly agendaRows: AgendaRepository,
    private readonly carryItem: AgendaItemCarryForwardService,
    private readonly backlog: BacklogRepository,
    private readonly audit: AuditService,
    private readonly actionItems: ActionItemCarryOverService,
  ) {}

  async carryForward(councilId: string, meetingId: string, dto: CarryForwardAgendaDto, now: Date = new Date()): Promise<CarryForwardAgendaResponse> {
    return this.db.transaction(async (em) => {
      const source = await this.meetings.find(councilId, meetingId, em);
      if (!source) throw new NotFoundException('meeting', meetingId);
      if (!HELD_MEETING_STATUSES.includes(source.status)) {
        throw new ConflictException(
          'MEETING_NOT_HELD',
          `only the items of a meeting in session or held are carried forward; this meeting is ${source.status}`,
          {
            meetingStatus: source.status,
            allowedMeetingStatuses: HELD_MEETING_STATUSES,
          },
        );
      }
      const sourceStart = new Date(source.startsAt);
      const after = sourceStart.getTime() > now.getTime() ? sourceStart : now;
      const next = await this.backlog.nextMeeting(em, councilId, source, after);
      if (!next) {
        const of = source.bodyId !== null ? 'of the same body' : `of the council of the same kind (${source.kind.replace('_', ' ')})`;
        throw new ConflictException('NO_NEXT_MEETING', `there is no later meeting ${of} that has not started and is not cancelled; plan one first`, {
          bodyId: source.bodyId,
          kind: source.bodyId === null ? source.kind : null,
          acceptedStatuses: NEXT_MEETING_STATUSES,
        });
      }
      // Lock both meetings, then (if anything moves) both agendas, in id order — as the single-item carry does.
      const ordered = [meetingId, next.id].sort();
      for (const id of ordered) await this.agendaRows.findMeeting(councilId, id, em, 'share');
      const except = new Set(dto.exceptItemIds ?? []);
      if (except.size > 0) {
        const known = new Set((await this.agendaRows.listItems(councilId, meetingId, em)).map((i) => i.id));
        const unknown = [...except].filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new DomainException(
            'VALIDATION_FAILED',
            400,
            'exceptItemIds must name items of this agenda',
            [{ field: 'exceptItemIds', rule: 'item_of_agenda', message: 'exceptItemIds must name items of this agenda' }],
            { unknown },
          );
        }
      }
      const carryable = (await this.backlog.carryableItems(em, councilId, meetingId)).filter((i) => !except.has(i.id));
      const items: CarriedAgendaItemResponse[] = [];
      if (carryable.length > 0) {
        for (const id of ordered) await this.agendaRows.lockAgenda(em, councilId, id);
        for (const i of carryable) {
          const copy = await this.carryItem.carryForward(councilId, meetingId, i.id, { toMeetingId: next.id, version: i.version }, now, em);
          items.push({ fromItemId: i.id, reason: i.reason, item: copy });
        }
      }
      // The meeting's unfinished action items go along: they keep their history and are listed with the next meeting too.
      const actionItemIds = await this.actionItems.carryOver(em, councilId, meetingId, next.id);
      const result: CarryForwardAgendaResponse = {
        fromMeetingId: meetingId,
        toMeetingId: next.id,
        toMeetingStartsAt: new Date(next.startsAt).toISOString(),
        items,
        actionItemIds,
      };
      if (items.length > 0) {
        await this.audit.record(em, {
          councilId,
          action: 'agenda.carried_forward',
          entityType: 'meeting_agenda',
          entityId: meetingId,
          after: { toMeetingId: next.id, items: items.map((i) => ({ fromItemId: i.fromItemId, toItemId: i.item.id, reason: i.reason })) },
        });
      }
      return result;
    });
  }
}
