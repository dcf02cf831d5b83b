import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { AGENDA_OPEN_MEETING_STATUSES, admitItem } from './agenda-rules.js';
import { type AgendaItemValues, type AgendaMeetingRow, AgendaRepository, type AgendaRow } from './agenda.repository.js';
import { itemResponse } from './agenda.responses.js';
import type { AgendaItemResponse } from './dto/agenda-item.response.js';
import type { CarryForwardAgendaItemDto } from './dto/carry-forward-agenda-item.dto.js';

/** Carrying one agenda item forward to a later meeting: the copy there, the original marked carried_forward, both audited. */
@Injectable()
export class AgendaItemCarryForwardService {
  constructor(
    private readonly db: DataSource,
    private readonly agendas: AgendaRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Carries an item not dealt with onto the agenda of a later meeting of the
   * council: the copy is added there under that agenda's rules (supplementary
   * after circulation, refused after its deadline), and the original becomes
   * carried_forward. Only items of a circulated or adopted agenda; the source
   * meeting may be closed. Deleting the copy puts the original back.
   */
  async carryForward(
    councilId: string,
    meetingId: string,
    itemId: string,
    dto: CarryForwardAgendaItemDto,
    now: Date = new Date(),
    outer?: EntityManager, // the backlog carries a whole agenda forward in one transaction, item by item
  ): Promise<AgendaItemResponse> {
    if (dto.toMeetingId === meetingId) throw new InvalidInputException('toMeetingId', 'other_meeting', 'toMeetingId must be another meeting');
    const work = async (em: EntityManager): Promise<AgendaItemResponse> => {
      // Lock both meetings, then both agendas, in id order: two carries in opposite directions cannot deadlock.
      const ordered = [meetingId, dto.toMeetingId].sort();
      const found = new Map<string, AgendaMeetingRow | undefined>();
      for (const id of ordered) found.set(id, await this.agendas.findMeeting(councilId, id, em, 'share'));
      const source = found.get(meetingId);
      if (!source) throw new NotFoundException('meeting', meetingId);
      const target = found.get(dto.toMeetingId);
      if (!target) throw new NotFoundException('meeting', dto.toMeetingId);
      const agendas = new Map<string, AgendaRow>();
      for (const id of ordered) agendas.set(id, await this.agendas.lockAgenda(em, councilId, id));
      const current = await this.agendas.findItem(em, councilId, meetingId, itemId, true);
      if (!current) throw new NotFoundException('agenda item', itemId);
      if (current.version !== dto.version) throw new StaleVersionException('agenda item', itemId, dto.version);
      const sourceAgenda = agendas.get(meetingId)!;
      if (sourceAgenda.status === 'draft') {
        throw new ConflictException(
          'AGENDA_NOT_CIRCULATED',
          'only items of a circulated or adopted agenda are carried forward; on a draft agenda, delete the item and add it to the other meeting',
          {
            agendaStatus: sourceAgenda.status,
          },
        );
      }
      if (current.status !== 'scheduled') {
        throw new ConflictException('ITEM_NOT_SCHEDULED', `a ${current.status.replace('_', ' ')} item cannot be carried forward`, { status: current.status });
      }
      if (!AGENDA_OPEN_MEETING_STATUSES.includes(target.status)) {
        throw new ConflictException(
          'AGENDA_CLOSED',
          `the agenda of a ${target.status} meeting can no longer change`,
          { meetingStatus: target.status },
          'toMeetingId',
        );
      }
      if (new Date(target.startsAt).getTime() <= new Date(source.startsAt).getTime()) {
        throw new ConflictException(
          'TARGET_NOT_LATER',
          'an item is carried forward to a meeting that starts later',
          {
            from: new Date(source.startsAt).toISOString(),
            to: new Date(target.startsAt).toISOString(),
          },
          'toMeetingId',
        );
      }
      const targetAgenda = agendas.get(dto.toMeetingId)!;
      const admission = admitItem(
        { status: targetAgenda.status, supplementaryDeadline: targetAgenda.supplementaryDeadline && new Date(targetAgenda.supplementaryDeadline) },
        now,
        false,
      );
      if (!admission.admitted) {
        const deadline = admission.deadline.toISOString();
        throw new ConflictException(
          'SUPPLEMENTARY_DEADLINE_PASSED',
          `the other meeting took supplementary items until ${deadline}; after that only the chair can accept an item there`,
          { deadline, agendaStatus: targetAgenda.status },
          'toMeetingId',
        );
      }
      const values: AgendaItemValues = {
        title: current.title,
        purpose: current.purpose,
        presenterParticipantId: current.presenterParticipantId,
        minutesAllotted: current.minutesAllotted,
        concernsPermanentParticipants: current.concernsPermanentParticipants,
        documents: current.documents,
        status: 'carried_forward',
      };
      const copyId = await this.agendas.insertItem(em, councilId, dto.toMeetingId, values, admission, itemId);
      if (!(await this.agendas.updateItemVersioned(em, councilId, meetingId, itemId, dto.version, values)))
        throw new StaleVersionException('agenda item', itemId, dto.version);
      await this.agendas.updateAgenda(em, dto.toMeetingId, targetAgenda);
      const copy = itemResponse((await this.agendas.findItem(em, councilId, dto.toMeetingId, copyId))!);
      const original = itemResponse((await this.agendas.findItem(em, councilId, meetingId, itemId))!);
      await this.audit.record(em, {
        councilId,
        action: 'agenda_item.carried_forward',
        entityType: 'agenda_item',
        entityId: itemId,
        before: itemResponse(current),
        after: { ...original, carriedTo: { meetingId: dto.toMeetingId, itemId: copyId } },
      });
      await this.audit.record(em, { councilId, action: 'agenda_item.created', entityType: 'agenda_item', entityId: copyId, after: copy });
      return copy;
    };
    // A transaction of its own, or a savepoint of the caller's.
    return outer ? outer.transaction(work) : this.db.transaction(work);
  }
}
