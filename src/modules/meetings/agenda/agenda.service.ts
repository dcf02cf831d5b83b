import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../../core/auth/caller.js';
import { ConflictException, DomainException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { CouncilReferencesRepository } from '../../councils/council-references.repository.js';
import {
  ADOPTABLE_MEETING_STATUSES,
  AGENDA_OPEN_MEETING_STATUSES,
  admitItem,
  CIRCULABLE_MEETING_STATUSES,
  orderProblem,
  supplementaryDeadline,
  titleProblem,
  trimTitle,
} from './agenda-rules.js';
import { MeetingRemindersScheduler } from '../meeting-reminders.scheduler.js';
import { type AgendaItemValues, type AgendaMeetingRow, AgendaRepository, type AgendaRow } from './agenda.repository.js';
import type { AgendaItemResponse } from './dto/agenda-item.response.js';
import type { AgendaVersionDto } from './dto/agenda-version.dto.js';
import type { AgendaResponse } from './dto/agenda.response.js';
import { agendaResponse, itemResponse } from './agenda.responses.js';
import type { CreateAgendaItemDto } from './dto/create-agenda-item.dto.js';
import type { ReorderAgendaDto } from './dto/reorder-agenda.dto.js';
import type { UpdateAgendaItemDto } from './dto/update-agenda-item.dto.js';

/**
 * The agenda of a meeting: items built by the secretariat (and the chair),
 * reordered, circulated (a convened meeting becomes agenda_circulated; the
 * supplementary deadline is fixed then), and adopted once the meeting is in
 * session. Items added after circulation are supplementary; after the
 * deadline only the chair can accept one. Each change is one transaction with
 * its audit row; writers lock the meeting, then the agenda.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: DataSource,
    private readonly agendas: AgendaRepository,
    private readonly audit: AuditService,
    private readonly notices: MeetingRemindersScheduler,
    private readonly council: CouncilReferencesRepository,
  ) {}

  /** The agenda with each item's papers per language (current versions) and the working languages still missing one. */
  async get(councilId: string, meetingId: string, caller?: Caller): Promise<AgendaResponse> {
    const meeting = await this.agendas.findMeeting(councilId, meetingId);
    if (!meeting) throw new NotFoundException('meeting', meetingId);
    const response = agendaResponse(
      councilId,
      meetingId,
      await this.agendas.findAgenda(councilId, meetingId),
      await this.agendas.listItems(councilId, meetingId),
    );
    const papers = await this.agendas.listItemPapers(councilId, meetingId, caller ? await this.seesMemberStatePapers(caller) : false);
    for (const item of response.items) {
      item.papers = papers
        .filter((p) => p.itemId === item.id)
        .map((p) => ({
          documentId: p.documentId,
          language: p.language,
          title: p.title,
          visibility: p.visibility,
          currentVersion: p.currentVersion,
          fileName: p.fileName,
          contentType: p.contentType,
          size: Number(p.size),
          sha256: p.sha256,
          late: p.late,
          uploadedAt: new Date(p.uploadedAt).toISOString(),
        }));
      const languagesIn = new Set(papers.filter((p) => p.itemId === item.id).map((p) => p.language));
      item.papersMissing = meeting.workingLanguages.filter((l) => !languagesIn.has(l));
    }
    return response;
  }

  private async seesMemberStatePapers(caller: Caller): Promise<boolean> {
    if (caller.roles.includes('secretariat') || caller.roles.includes('admin')) return true;
    if (!caller.roles.includes('delegate') || !caller.participantId) return false;
    return (await this.agendas.participantKind(caller.participantId)) === 'member_state';
  }

  /** `outer`: the backlog schedules an item inside its own transaction (a savepoint of it). */
  async addItem(
    councilId: string,
    meetingId: string,
    dto: CreateAgendaItemDto,
    caller: Caller,
    now: Date = new Date(),
    outer?: EntityManager,
  ): Promise<AgendaItemResponse> {
    const chairAccepts = dto.acceptedByChair === true;
    if (chairAccepts && !caller.roles.includes('chair')) {
      throw new DomainException('CHAIR_ONLY', 403, 'only the chair can accept an item onto the agenda', [
        { field: 'acceptedByChair', rule: 'chair_only', message: 'only the chair can accept an item onto the agenda' },
      ]);
    }
    return this.inTransaction(outer, async (em) => {
      const meeting = await this.openMeeting(em, councilId, meetingId, 'share');
      const values: AgendaItemValues = {
        title: this.checkedTitle(dto.title, meeting),
        purpose: dto.purpose,
        presenterParticipantId: dto.presenterParticipantId ?? null,
        minutesAllotted: dto.minutesAllotted ?? null,
        concernsPermanentParticipants: dto.concernsPermanentParticipants ?? false,
        documents: (dto.documents ?? []).map((d) => ({ title: d.title.trim(), url: d.url })),
        status: 'scheduled',
      };
      await this.checkPresenter(em, councilId, values.presenterParticipantId);
      const agenda = await this.agendas.lockAgenda(em, councilId, meetingId);
      const admission = admitItem(
        { status: agenda.status, supplementaryDeadline: agenda.supplementaryDeadline && new Date(agenda.supplementaryDeadline) },
        now,
        chairAccepts,
      );
      if (!admission.admitted) {
        const deadline = admission.deadline.toISOString();
        throw new ConflictException(
          'SUPPLEMENTARY_DEADLINE_PASSED',
          `supplementary items could be added until ${deadline}; after that only the chair can accept an item (acceptedByChair: true)`,
          { deadline, agendaStatus: agenda.status },
        );
      }
      const id = await this.agendas.insertItem(em, councilId, meetingId, values, admission);
      await this.agendas.updateAgenda(em, meetingId, agenda);
      const created = itemResponse((await this.agendas.findItem(em, councilId, meetingId, id))!);
      await this.audit.record(em, { councilId, action: 'agenda_item.created', entityType: 'agenda_item', entityId: id, after: created });
      return created;
    });
  }

  async updateItem(councilId: string, meetingId: string, itemId: string, dto: UpdateAgendaItemDto): Promise<AgendaItemResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.openMeeting(em, councilId, meetingId, 'share');
      await this.agendas.lockAgenda(em, councilId, meetingId);
      const current = await this.agendas.findItem(em, councilId, meetingId, itemId, true);
      if (!current) throw new NotFoundException('agenda item', itemId);
      if (current.version !== dto.version) throw new StaleVersionException('agenda item', itemId, dto.version);
      if (current.status === 'carried_forward') {
        throw new ConflictException('ITEM_CARRIED_FORWARD', 'the item was carried forward to a later meeting: edit the copy on that agenda', {
          status: current.status,
        });
      }
      const next: AgendaItemValues = {
        title: dto.title !== undefined ? this.checkedTitle(dto.title, meeting) : current.title,
        purpose: dto.purpose ?? current.purpose,
        presenterParticipantId: dto.presenterParticipantId === undefined ? current.presenterParticipantId : dto.presenterParticipantId,
        minutesAllotted: dto.minutesAllotted === undefined ? current.minutesAllotted : dto.minutesAllotted,
        concernsPermanentParticipants: dto.concernsPermanentParticipants ?? current.concernsPermanentParticipants,
        documents: dto.documents !== undefined ? dto.documents.map((d) => ({ title: d.title.trim(), url: d.url })) : current.documents,
        status: dto.status ?? current.status,
      };
      if (next.presenterParticipantId !== current.presenterParticipantId) await this.checkPresenter(em, councilId, next.presenterParticipantId);
      if (!(await this.agendas.updateItemVersioned(em, councilId, meetingId, itemId, dto.version, next))) {
        throw new StaleVersionException('agenda item', itemId, dto.version);
      }
      const after = itemResponse((await this.agendas.findItem(em, councilId, meetingId, itemId))!);
      const action =
        next.status !== current.status ? (next.status === 'withdrawn' ? 'agenda_item.withdrawn' : 'agenda_item.reinstated') : 'agenda_item.updated';
      await this.audit.record(em, { councilId, action, entityType: 'agenda_item', entityId: itemId, before: itemResponse(current), after });
      return after;
    });
  }

  /** Only from a draft agenda: once circulated, an item is withdrawn (PATCH status 'withdrawn'), so the record shows it. */
  async deleteItem(councilId: string, meetingId: string, itemId: string, version: number): Promise<AgendaResponse> {
    return this.db.transaction(async (em) => {
      await this.openMeeting(em, councilId, meetingId, 'share');
      const agenda = await this.agendas.lockAgenda(em, councilId, meetingId);
      const current = await this.agendas.findItem(em, councilId, meetingId, itemId, true);
      if (!current) throw new NotFoundException('agenda item', itemId);
      if (agenda.status !== 'draft') {
        throw new ConflictException(
          'AGENDA_NOT_DRAFT',
          `the agenda is ${agenda.status}: its items can no longer be deleted; withdraw the item instead (PATCH with status 'withdrawn')`,
          { agendaStatus: agenda.status },
        );
      }
      if (current.version !== version || !(await this.agendas.deleteItemVersioned(em, councilId, meetingId, itemId, version))) {
        throw new StaleVersionException('agenda item', itemId, version);
      }
      await this.agendas.updateAgenda(em, meetingId, agenda);
      await this.audit.record(em, { councilId, action: 'agenda_item.deleted', entityType: 'agenda_item', entityId: itemId, before: itemResponse(current) });
      if (current.carriedFromItemId !== null && (await this.agendas.restoreCarriedOriginal(em, councilId, current.carriedFromItemId))) {
        await this.audit.record(em, {
          councilId,
          action: 'agenda_item.carry_forward_undone',
          entityType: 'agenda_item',
          entityId: current.carriedFromItemId,
          before: { status: 'carried_forward' },
          after: { status: 'scheduled' },
        });
      }
      return this.current(em, councilId, meetingId);
    });
  }

  async reorder(councilId: string, meetingId: string, dto: ReorderAgendaDto): Promise<AgendaResponse> {
    return this.db.transaction(async (em) => {
      await this.openMeeting(em, councilId, meetingId, 'share');
      const agenda = await this.lockVersion(em, councilId, meetingId, dto.version);
      const items = await this.agendas.listItems(councilId, meetingId, em);
      const problem = orderProblem(
        items.map((i) => i.id),
        dto.itemIds,
      );
      if (problem) {
        throw new DomainException(
          'VALIDATION_FAILED',
          400,
          'itemIds must list every item of the agenda exactly once',
          [{ field: 'itemIds', rule: 'every_item_once', message: 'itemIds must list every item of the agenda exactly once' }],
          problem,
        );
      }
      const before = items.map((i) => i.id);
      await this.agendas.reorder(em, meetingId, dto.itemIds);
      await this.agendas.updateAgenda(em, meetingId, agenda);
      const after = await this.current(em, councilId, meetingId);
      await this.audit.record(em, {
        councilId,
        action: 'agenda.reordered',
        entityType: 'meeting_agenda',
        entityId: meetingId,
        before: { itemIds: before },
        after: { itemIds: after.items.map((i) => i.id) },
      });
      return after;
    });
  }

  /** Draft → circulated, once the meeting is convened; fixes the supplementary deadline. A convened meeting becomes agenda_circulated. */
  async circulate(councilId: string, meetingId: string, dto: AgendaVersionDto, now: Date = new Date()): Promise<AgendaResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.openMeeting(em, councilId, meetingId, 'update');
      const agenda = await this.lockVersion(em, councilId, meetingId, dto.version);
      if (agenda.status !== 'draft') {
        throw new ConflictException('AGENDA_ALREADY_CIRCULATED', `the agenda is already ${agenda.status}`, { agendaStatus: agenda.status });
      }
      if (!CIRCULABLE_MEETING_STATUSES.includes(meeting.status)) {
        throw new ConflictException('MEETING_NOT_CONVENED', `the agenda of a ${meeting.status} meeting cannot be circulated; convene the meeting first`, {
          meetingStatus: meeting.status,
          allowedMeetingStatuses: CIRCULABLE_MEETING_STATUSES,
        });
      }
      const items = await this.agendas.listItems(councilId, meetingId, em);
      if (!items.some((i) => i.status === 'scheduled')) throw new ConflictException('AGENDA_EMPTY', 'an agenda without items cannot be circulated');
      const before = agendaResponse(councilId, meetingId, agenda, items);
      await this.agendas.updateAgenda(em, meetingId, {
        status: 'circulated',
        circulatedAt: now,
        adoptedAt: null,
        supplementaryDeadline: supplementaryDeadline(new Date(meeting.startsAt)),
      });
      if (meeting.status === 'convened') {
        await this.agendas.markMeetingAgendaCirculated(em, councilId, meetingId);
        await this.audit.record(em, {
          councilId,
          action: 'meeting.agenda_circulated',
          entityType: 'meeting',
          entityId: meetingId,
          before: { status: 'convened' },
          after: { status: 'agenda_circulated' },
        });
      }
      const after = await this.current(em, councilId, meetingId);
      await this.audit.record(em, { councilId, action: 'agenda.circulated', entityType: 'meeting_agenda', entityId: meetingId, before, after });
      await this.notices.agendaCirculated(em, councilId, meetingId, now);
      return after;
    });
  }

  /** Circulated → adopted, at the meeting: it must be in session. */
  async adopt(councilId: string, meetingId: string, dto: AgendaVersionDto, now: Date = new Date()): Promise<AgendaResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.openMeeting(em, councilId, meetingId, 'share');
      const agenda = await this.lockVersion(em, councilId, meetingId, dto.version);
      if (agenda.status !== 'circulated') {
        throw new ConflictException('AGENDA_NOT_CIRCULATED', `only a circulated agenda can be adopted; this one is ${agenda.status}`, {
          agendaStatus: agenda.status,
        });
      }
      if (!ADOPTABLE_MEETING_STATUSES.includes(meeting.status)) {
        throw new ConflictException('MEETING_NOT_IN_SESSION', `the agenda is adopted at the meeting, once it is in session; the meeting is ${meeting.status}`, {
          meetingStatus: meeting.status,
        });
      }
      const before = await this.current(em, councilId, meetingId);
      await this.agendas.updateAgenda(em, meetingId, { ...agenda, status: 'adopted', adoptedAt: now });
      const after = await this.current(em, councilId, meetingId);
      await this.audit.record(em, { councilId, action: 'agenda.adopted', entityType: 'meeting_agenda', entityId: meetingId, before, after });
      return after;
    });
  }

  /** A transaction of its own, or a savepoint of the caller's transaction when it passes its manager. */
  private inTransaction<T>(outer: EntityManager | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return outer ? outer.transaction(work) : this.db.transaction(work);
  }

  /** The meeting, locked, if its agenda can still change; 404 when it is not in the council, 409 once closed or cancelled. */
  private async openMeeting(em: EntityManager, councilId: string, meetingId: string, lock: 'share' | 'update'): Promise<AgendaMeetingRow> {
    const meeting = await this.agendas.findMeeting(councilId, meetingId, em, lock);
    if (!meeting) throw new NotFoundException('meeting', meetingId);
    if (!AGENDA_OPEN_MEETING_STATUSES.includes(meeting.status)) {
      throw new ConflictException('AGENDA_CLOSED', `the agenda of a ${meeting.status} meeting can no longer change`, {
        meetingStatus: meeting.status,
        openMeetingStatuses: AGENDA_OPEN_MEETING_STATUSES,
      });
    }
    return meeting;
  }

  private async lockVersion(em: EntityManager, councilId: string, meetingId: string, version: number): Promise<AgendaRow> {
    const agenda = await this.agendas.lockAgenda(em, councilId, meetingId);
    if (agenda.version !== version) throw new StaleVersionException('agenda', meetingId, version);
    return agenda;
  }

  private async current(em: EntityManager, councilId: string, meetingId: string): Promise<AgendaResponse> {
    return agendaResponse(
      councilId,
      meetingId,
      await this.agendas.findAgenda(councilId, meetingId, em),
      await this.agendas.listItems(councilId, meetingId, em),
    );
  }

  private checkedTitle(title: Record<string, string>, meeting: AgendaMeetingRow): Record<string, string> {
    const problem = titleProblem(title, meeting.workingLanguages);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return trimTitle(title);
  }

  private async checkPresenter(em: EntityManager, councilId: string, participantId: string | null): Promise<void> {
    if (participantId !== null && !(await this.council.hasParticipant(councilId, participantId, em))) throw new NotFoundException('participant', participantId);
  }
}
