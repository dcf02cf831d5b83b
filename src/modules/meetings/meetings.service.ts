import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import type { MeetingRuleDays } from '../councils/council-defaults.js';
import { earliestStart, hasEnoughNotice } from './deadlines.js';
import type { CreateMeetingDto } from './dto/create-meeting.dto.js';
import type { ListMeetingsQuery } from './dto/list-meetings.query.js';
import type { MeetingListResponse } from './dto/meeting-list.response.js';
import type { MeetingTransitionDto } from './dto/meeting-transition.dto.js';
import type { MeetingResponse } from './dto/meeting.response.js';
import type { UpdateMeetingDto } from './dto/update-meeting.dto.js';
import { allowedNext, canTransition, EDITABLE_STATUSES } from './meeting-lifecycle.js';
import { REMINDED_STATUSES } from './meeting-reminders.js';
import { MeetingCloseListeners } from './meeting-close-listeners.js';
import { MeetingRemindersScheduler } from './meeting-reminders.scheduler.js';
import { type MeetingOccurrence, type MeetingRow, MeetingsRepository, type MeetingState, type MeetingValues } from './meetings.repository.js';
import { earliestSessionOpen, localInstant } from './session-window.js';
import { decodeMeetingCursor, encodeMeetingCursor } from './list-cursors.js';
import { pageSize } from '../../core/http/pagination.js';
import { meetingResponse, ruleOf } from './meetings.responses.js';

const valuesOf = (r: MeetingRow): MeetingValues => ({
  bodyId: r.bodyId,
  kind: r.kind,
  title: r.title,
  startsAt: new Date(r.startsAt),
  endsAt: new Date(r.endsAt),
  timeZone: r.timeZone,
  venue: r.venue,
  onlineUrl: r.onlineUrl,
  hostParticipantId: r.hostParticipantId,
});

const stateOf = (r: MeetingRow): MeetingState => ({
  status: r.status,
  convenedAt: r.convenedAt ? new Date(r.convenedAt) : null,
  consentRecorded: r.consentRecorded,
  consentNote: r.consentNote,
  openedAt: r.openedAt ? new Date(r.openedAt) : null,
  closedAt: r.closedAt ? new Date(r.closedAt) : null,
});

/**
 * Meetings of a council and of its bodies: created as drafts, edited while
 * draft or convened, moved through their lifecycle by transitions. Convening
 * needs the notice the council's rules give the kind, unless an extraordinary
 * meeting records the body's consent. Each change is one transaction with its audit row.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly audit: AuditService,
    private readonly reminders: MeetingRemindersScheduler,
    private readonly closeListeners: MeetingCloseListeners,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly council: CouncilReferencesRepository,
  ) {}

  /**
   * `occurrence` and `outer` are for meeting series: their occurrences are created (and later moved or cancelled
   * through update/transition) inside the series' own transaction, each in a savepoint of it.
   */
  async create(councilId: string, dto: CreateMeetingDto, occurrence: MeetingOccurrence | null = null, outer?: EntityManager): Promise<MeetingResponse> {
    const values: MeetingValues = {
      bodyId: dto.bodyId ?? null,
      kind: dto.kind,
      title: dto.title.trim(),
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      timeZone: dto.timeZone,
      venue: dto.venue ?? null,
      onlineUrl: dto.onlineUrl ?? null,
      hostParticipantId: dto.hostParticipantId ?? null,
    };
    this.checkTimes(values, 'endsAt');
    return this.inTransaction(outer, async (em) => {
      if (!(await this.meetings.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      await this.checkReferences(em, councilId, values, null);
      const id = await this.meetings.insert(em, councilId, values, occurrence);
      const created = meetingResponse((await this.meetings.find(councilId, id, em))!, await this.meetings.rulesOf(councilId, em));
      await this.audit.record(em, { councilId, action: 'meeting.created', entityType: 'meeting', entityId: id, after: created });
      return created;
    });
  }

  /** One keyset page, by start then id. */
  async list(councilId: string, q: ListMeetingsQuery): Promise<MeetingListResponse> {
    const after = q.cursor === undefined ? null : decodeMeetingCursor(q.cursor);
    if (q.cursor !== undefined && !after) throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
    const limit = pageSize(q);
    // The page and the council's rules in one statement; nothing when the council does not exist.
    const result = await this.meetings.pageWithRules(
      councilId,
      {
        ...(q.from !== undefined ? { from: new Date(q.from) } : {}),
        ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
        ...(q.bodyId !== undefined ? { bodyId: q.bodyId } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.seriesId !== undefined ? { seriesId: q.seriesId } : {}),
      },
      after,
      limit + 1,
    );
    if (!result) throw new NotFoundException('council', councilId);
    const found = result.rows;
    const rows = found.slice(0, limit);
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => meetingResponse(r, result.rules)),
      nextCursor: found.length > limit && last ? encodeMeetingCursor({ startsAt: last.startsAtKey, id: last.id }) : null,
    };
  }

  async get(councilId: string, id: string): Promise<MeetingResponse> {
    const row = await this.meetings.find(councilId, id);
    if (!row) throw new NotFoundException('meeting', id);
    return meetingResponse(row, await this.meetings.rulesOf(councilId));
  }

  /**
   * Edits a draft or convened meeting. Moving a convened meeting EARLIER (or
   * to a kind with a longer notice) needs that notice from now, as a new
   * convening would; moving it later keeps the notice already given.
   */
  async update(councilId: string, id: string, dto: UpdateMeetingDto, now: Date = new Date(), outer?: EntityManager): Promise<MeetingResponse> {
    return this.inTransaction(outer, async (em) => {
      const current = await this.lockCurrent(em, councilId, id, dto.version);
      if (!EDITABLE_STATUSES.includes(current.status)) {
        throw new ConflictException('MEETING_NOT_EDITABLE', `a ${current.status} meeting cannot be edited; only a draft or convened one`, {
          status: current.status,
          editableStatuses: EDITABLE_STATUSES,
        });
      }
      const before = valuesOf(current);
      const next: MeetingValues = {
        bodyId: dto.bodyId === undefined ? before.bodyId : dto.bodyId,
        kind: dto.kind ?? before.kind,
        title: dto.title?.trim() ?? before.title,
        startsAt: dto.startsAt !== undefined ? new Date(dto.startsAt) : before.startsAt,
        endsAt: dto.endsAt !== undefined ? new Date(dto.endsAt) : before.endsAt,
        timeZone: dto.timeZone ?? before.timeZone,
        venue: dto.venue === undefined ? before.venue : dto.venue,
        onlineUrl: dto.onlineUrl === undefined ? before.onlineUrl : dto.onlineUrl,
        hostParticipantId: dto.hostParticipantId === undefined ? before.hostParticipantId : dto.hostParticipantId,
      };
      this.checkTimes(next, dto.endsAt !== undefined ? 'endsAt' : 'startsAt');
      await this.checkReferences(em, councilId, next, before);
      const state = stateOf(current);
      if (next.kind !== 'extraordinary') Object.assign(state, { consentRecorded: false, consentNote: null });
      if (current.status === 'convened' && !state.consentRecorded) {
        const rules = await this.meetings.rulesOf(councilId, em);
        const moreNoticeNeeded =
          next.startsAt.getTime() < before.startsAt.getTime() || ruleOf(rules, next.kind).noticeDays > ruleOf(rules, before.kind).noticeDays;
        if (moreNoticeNeeded) this.requireNotice(now, next, ruleOf(rules, next.kind), dto.startsAt !== undefined ? 'startsAt' : 'kind');
      }
      if (!(await this.meetings.updateVersioned(em, councilId, id, dto.version, next, state))) throw new StaleVersionException('meeting', id, dto.version);
      const moved = next.startsAt.getTime() !== before.startsAt.getTime() || next.timeZone !== before.timeZone;
      if (moved && REMINDED_STATUSES.includes(current.status)) {
        const rule = ruleOf(await this.meetings.rulesOf(councilId, em), next.kind);
        await this.reminders.plan(em, councilId, id, next.startsAt, next.timeZone, rule.papersDays, now);
      }
      return this.afterChange(em, councilId, id, current, 'meeting.updated');
    });
  }

  /** Moves the meeting to its next status; an illegal move is a 409 naming the allowed ones. */
  async transition(councilId: string, id: string, dto: MeetingTransitionDto, now: Date = new Date(), outer?: EntityManager): Promise<MeetingResponse> {
    return this.inTransaction(outer, async (em) => {
      const current = await this.lockCurrent(em, councilId, id, dto.version);
      if (!canTransition(current.status, dto.to)) {
        const allowed = allowedNext(current.status);
        throw new ConflictException(
          'ILLEGAL_TRANSITION',
          `a ${current.status} meeting cannot become ${dto.to}; ${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it cannot change any more'}`,
          { from: current.status, to: dto.to, allowed },
          'to',
        );
      }
      if (dto.to === 'minutes_circulated' || dto.to === 'minutes_approved') {
        const route = dto.to === 'minutes_circulated' ? 'circulate' : 'approve';
        throw new ConflictException(
          'MINUTES_ROUTE',
          `a meeting's minutes are circulated and approved with its minutes: POST /councils/${councilId}/meetings/${id}/minutes/${route}`,
          { from: current.status, to: dto.to, route: `minutes/${route}` },
          'to',
        );
      }
      if (dto.consent && !(dto.to === 'convened' && current.kind === 'extraordinary')) {
        throw new InvalidInputException('consent', 'extraordinary_convening_only', 'consent is only recorded when convening an extraordinary meeting');
      }
      const values = valuesOf(current);
      const state = stateOf(current);
      state.status = dto.to;
      if (dto.to === 'convened') {
        if (values.startsAt.getTime() <= now.getTime()) {
          throw new ConflictException(
            'MEETING_STARTED',
            `the meeting starts at ${values.startsAt.toISOString()}, which has passed; move it before convening`,
            {
              startsAt: values.startsAt.toISOString(),
            },
            'startsAt',
          );
        }
        const rule = ruleOf(await this.meetings.rulesOf(councilId, em), current.kind);
        if (!dto.consent) this.requireNotice(now, values, rule, 'startsAt');
        state.convenedAt = now;
        state.consentRecorded = dto.consent !== undefined;
        state.consentNote = dto.consent?.note.trim() ?? null;
      }
      if (dto.to === 'draft') Object.assign(state, { consentRecorded: false, consentNote: null });
      // A session opens on the meeting's day, never earlier; opening and closing record when they happened.
      if (dto.to === 'in_session') {
        this.requireSessionDay(now, values);
        state.openedAt = now;
      }
      if (dto.to === 'closed') state.closedAt = now;
      if (!(await this.meetings.updateVersioned(em, councilId, id, dto.version, values, state))) throw new StaleVersionException('meeting', id, dto.version);
      // Notices and reminders: the convening notice and the reminders on convening; dropped when the meeting is put off or
      // has begun; a cancellation is told to those who had been convened.
      if (dto.to === 'convened') {
        const rule = ruleOf(await this.meetings.rulesOf(councilId, em), current.kind);
        await this.reminders.plan(em, councilId, id, values.startsAt, values.timeZone, rule.papersDays, now);
        await this.reminders.convened(em, councilId, id, values.startsAt);
      }
      if (dto.to === 'cancelled' && current.convenedAt !== null) await this.reminders.cancelled(em, councilId, id);
      else if (dto.to === 'cancelled' || dto.to === 'postponed' || dto.to === 'in_session') await this.reminders.cancelAll(em, id);
      const after = await this.afterChange(em, councilId, id, current, `meeting.${dto.to}`);
      // Whoever listens to a meeting's close (the presidency's handover meeting) acts in this same transaction.
      if (dto.to === 'closed') await this.closeListeners.closed(em, { councilId, meetingId: id });
      return after;
    });
  }

  /** A transaction of its own, or a savepoint of the caller's transaction when it passes its manager. */
  private inTransaction<T>(outer: EntityManager | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return outer ? outer.transaction(work) : this.db.transaction(work);
  }

  private async lockCurrent(em: EntityManager, councilId: string, id: string, version: number): Promise<MeetingRow> {
    const current = await this.meetings.find(councilId, id, em, true);
    if (!current) throw new NotFoundException('meeting', id);
    if (current.version !== version) throw new StaleVersionException('meeting', id, version);
    return current;
  }

  private async afterChange(em: EntityManager, councilId: string, id: string, current: MeetingRow, action: string): Promise<MeetingResponse> {
    const rules = await this.meetings.rulesOf(councilId, em);
    const after = meetingResponse((await this.meetings.find(councilId, id, em))!, rules);
    await this.audit.record(em, { councilId, action, entityType: 'meeting', entityId: id, before: meetingResponse(current, rules), after });
    return after;
  }

  private checkTimes(v: MeetingValues, field: 'startsAt' | 'endsAt'): void {
    if (v.endsAt.getTime() <= v.startsAt.getTime()) {
      throw new InvalidInputException(field, 'ends_after_starts', `endsAt (${v.endsAt.toISOString()}) must be after startsAt (${v.startsAt.toISOString()})`);
    }
  }

  /** The body and the host must belong to the council; the host must be a member state. Unchanged references are not checked again. */
  private async checkReferences(em: EntityManager, councilId: string, v: MeetingValues, before: MeetingValues | null): Promise<void> {
    if (v.bodyId !== null && v.bodyId !== before?.bodyId && !(await this.council.hasBody(councilId, v.bodyId, em))) {
      throw new NotFoundException('body', v.bodyId);
    }
    if (v.hostParticipantId !== null && v.hostParticipantId !== before?.hostParticipantId) {
      const kind = await this.council.participantKind(councilId, v.hostParticipantId, em);
      if (!kind) throw new NotFoundException('participant', v.hostParticipantId);
      if (kind !== 'member_state') {
        throw new InvalidInputException(
          'hostParticipantId',
          'member_state',
          `only a member state can host a meeting; this participant is a ${kind.replace('_', ' ')}`,
        );
      }
    }
  }

  private requireSessionDay(now: Date, v: MeetingValues): void {
    const earliest = earliestSessionOpen(v.startsAt, v.timeZone, this.config.meetings.sessionOpenLeadMinutes);
    if (now.getTime() >= earliest.getTime()) return;
    const earliestOpen = earliest.toISOString();
    throw new ConflictException(
      'SESSION_TOO_EARLY',
      `the meeting starts at ${v.startsAt.toISOString()}: its session opens on its day, at the earliest ${earliestOpen} (${localInstant(earliest, v.timeZone)} in ${v.timeZone}); to meet earlier, move the meeting`,
      {
        startsAt: v.startsAt.toISOString(),
        timeZone: v.timeZone,
        earliestOpen,
        earliestOpenLocal: localInstant(earliest, v.timeZone),
        leadMinutes: this.config.meetings.sessionOpenLeadMinutes,
      },
      'to',
    );
  }

  private requireNotice(now: Date, v: MeetingValues, rule: MeetingRuleDays, field: string): void {
    if (hasEnoughNotice(now, v.startsAt, rule.noticeDays, v.timeZone)) return;
    const earliest = earliestStart(now, rule.noticeDays, v.timeZone).toISOString();
    const consent = v.kind === 'extraordinary' ? '; an extraordinary meeting may be convened earlier with the consent of the body (consent.note)' : '';
    throw new ConflictException(
      'NOTICE_TOO_SHORT',
      `a ${v.kind.replace('_', ' ')} meeting needs ${rule.noticeDays} days' notice: the earliest allowed start is ${earliest}${consent}`,
      { kind: v.kind, noticeDays: rule.noticeDays, startsAt: v.startsAt.toISOString(), earliestStart: earliest, consentPossible: v.kind === 'extraordinary' },
      field,
    );
  }
}
