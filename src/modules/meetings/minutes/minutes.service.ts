import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import type { ErrorCode } from '../../../core/errors/error-codes.js';
import type { PdfLanguage } from '../../../core/pdf/pdf-writer.js';
import { AuditService } from '../../audit/audit.service.js';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import { canTransition } from '../meeting-lifecycle.js';
import type { ApproveMinutesDto } from './dto/approve-minutes.dto.js';
import type { CirculateMinutesDto } from './dto/circulate-minutes.dto.js';
import type { CreateMinutesDto } from './dto/create-minutes.dto.js';
import type { MinutesResponse } from './dto/minutes.response.js';
import type { UpdateMinutesDto } from './dto/update-minutes.dto.js';
import { applyEdits, draftContent, languageTextsProblem, NOTES_MAX_LENGTH } from './minutes-content.js';
import { MinutesNotifier } from './minutes-notifier.js';
import { minutesLanguage, renderMinutesPdf } from './minutes-pdf.js';
import {
  APPROVABLE_MEETING_STATUSES,
  CIRCULABLE_MEETING_STATUSES,
  defaultCommentDeadline,
  DRAFTABLE_MEETING_STATUSES,
  EDITABLE_MINUTES_STATUSES,
} from './minutes-rules.js';
import { type MinutesMeetingRow, MinutesRepository, type MinutesRow } from './minutes.repository.js';
import { minutesResponse } from './minutes.responses.js';

/**
 * The minutes of a meeting, kept by the secretariat: drafted from the closed
 * meeting (attendance, agenda items, decisions with their standing objections
 * and positions), edited (summaries per item, notes), circulated for comments
 * until a deadline (the meeting becomes minutes_circulated; heads of
 * delegation are told, and reminded 2 days before the deadline), then
 * approved (the meeting becomes minutes_approved; the minutes are public and
 * final). Each change is one transaction with its audit rows; writers lock
 * the meeting, then the minutes.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly db: DataSource,
    private readonly minutes: MinutesRepository,
    private readonly audit: AuditService,
    private readonly notifier: MinutesNotifier,
  ) {}

  async get(councilId: string, meetingId: string): Promise<MinutesResponse> {
    if (!(await this.minutes.findMeeting(councilId, meetingId))) throw new NotFoundException('meeting', meetingId);
    const row = await this.minutes.find(councilId, meetingId);
    if (!row) throw new NotFoundException('minutes', meetingId);
    return minutesResponse(row);
  }

  /** The minutes, in any status, as a PDF (the status is printed on it). */
  async documentPdf(councilId: string, meetingId: string, lang: PdfLanguage | undefined): Promise<Buffer> {
    if (!(await this.minutes.findMeeting(councilId, meetingId))) throw new NotFoundException('meeting', meetingId);
    const row = await this.minutes.find(councilId, meetingId);
    if (!row) throw new NotFoundException('minutes', meetingId);
    return renderMinutesPdf(row, minutesLanguage(row.content, lang));
  }

  async draft(councilId: string, meetingId: string, dto: CreateMinutesDto): Promise<MinutesResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.meeting(em, councilId, meetingId, 'share');
      const problem = languageTextsProblem('notes', dto.notes ?? {}, meeting.workingLanguages, NOTES_MAX_LENGTH);
      if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
      const existing = await this.minutes.find(councilId, meetingId, em);
      if (existing) {
        throw new ConflictException('MINUTES_EXIST', `the meeting already has minutes (${existing.status}); edit them instead`, {
          status: existing.status,
          version: existing.version,
        });
      }
      this.requireMeetingStatus(meeting, DRAFTABLE_MEETING_STATUSES, 'MEETING_NOT_CLOSED', 'minutes are drafted once the meeting is closed');
      const content = draftContent(await this.minutes.draftSource(em, meeting), dto.notes);
      const id = await this.minutes.insert(em, councilId, meetingId, content);
      const created = minutesResponse((await this.minutes.find(councilId, meetingId, em))!);
      await this.audit.record(em, { councilId, action: 'minutes.drafted', entityType: 'minutes', entityId: id, after: created });
      return created;
    });
  }

  /** Summaries and notes, while draft or circulated; an edit after circulation is audited as a revision ('minutes.revised'). */
  async update(councilId: string, meetingId: string, dto: UpdateMinutesDto): Promise<MinutesResponse> {
    return this.db.transaction(async (em) => {
      await this.meeting(em, councilId, meetingId, 'share');
      const current = await this.lockVersion(em, councilId, meetingId, dto.version);
      if (!EDITABLE_MINUTES_STATUSES.includes(current.status)) {
        throw new ConflictException('MINUTES_APPROVED', 'approved minutes are final: they cannot be edited', {
          status: current.status,
          editableStatuses: EDITABLE_MINUTES_STATUSES,
        });
      }
      const edited = applyEdits(current.content, { notes: dto.notes, items: dto.items });
      if ('problem' in edited) throw new InvalidInputException(edited.problem.field, edited.problem.rule, edited.problem.message);
      if (!(await this.minutes.updateContentVersioned(em, current.id, dto.version, edited.content)))
        throw new StaleVersionException('minutes', meetingId, dto.version);
      const after = minutesResponse((await this.minutes.find(councilId, meetingId, em))!);
      await this.audit.record(em, {
        councilId,
        action: current.status === 'circulated' ? 'minutes.revised' : 'minutes.updated',
        entityType: 'minutes',
        entityId: current.id,
        before: minutesResponse(current),
        after,
      });
      return after;
    });
  }

  /**
   * Draft → circulated, with a comment deadline in the future (default 14 days after now). A closed meeting
   * becomes minutes_circulated in the same transaction; the heads of delegation are notified, and reminded
   * 2 days before the deadline (no reminder when that is not ahead).
   */
  async circulate(councilId: string, meetingId: string, dto: CirculateMinutesDto, now: Date = new Date()): Promise<MinutesResponse> {
    const deadline = dto.commentDeadline !== undefined ? new Date(dto.commentDeadline) : defaultCommentDeadline(now);
    if (deadline.getTime() <= now.getTime()) {
      throw new InvalidInputException(
        'commentDeadline',
        'future',
        `commentDeadline must be in the future (it is ${deadline.toISOString()}; now is ${now.toISOString()})`,
      );
    }
    return this.db.transaction(async (em) => {
      const meeting = await this.meeting(em, councilId, meetingId, 'update');
      const current = await this.lockVersion(em, councilId, meetingId, dto.version);
      if (current.status !== 'draft') {
        throw new ConflictException('MINUTES_ALREADY_CIRCULATED', `the minutes are already ${current.status}`, { status: current.status });
      }
      this.requireMeetingStatus(meeting, CIRCULABLE_MEETING_STATUSES, 'MEETING_NOT_CLOSED', 'minutes are circulated once the meeting is closed');
      if (!(await this.minutes.circulate(em, current.id, dto.version, now, deadline))) throw new StaleVersionException('minutes', meetingId, dto.version);
      await this.moveMeeting(em, councilId, meeting, 'minutes_circulated');
      await this.notifier.circulated(em, councilId, meetingId, deadline, now);
      const after = minutesResponse((await this.minutes.find(councilId, meetingId, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'minutes.circulated',
        entityType: 'minutes',
        entityId: current.id,
        before: { status: current.status, version: current.version },
        after: {
          status: after.status,
          circulatedAt: after.circulatedAt,
          commentDeadline: after.commentDeadline,
          defaultDeadline: dto.commentDeadline === undefined,
          version: after.version,
        },
      });
      return after;
    });
  }

  /**
   * Circulated → approved, once the comment deadline has passed — or earlier when every active member state
   * has commented. The meeting becomes minutes_approved in the same transaction; the deadline reminder is
   * cancelled and the heads of delegation are told.
   */
  async approve(councilId: string, meetingId: string, dto: ApproveMinutesDto, caller: Caller, now: Date = new Date()): Promise<MinutesResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.meeting(em, councilId, meetingId, 'update');
      const current = await this.lockVersion(em, councilId, meetingId, dto.version);
      if (current.status !== 'circulated') {
        throw new ConflictException(
          current.status === 'approved' ? 'MINUTES_ALREADY_APPROVED' : 'MINUTES_NOT_CIRCULATED',
          current.status === 'approved' ? 'the minutes are already approved' : 'minutes are approved after they have been circulated for comments',
          { status: current.status, allowedStatuses: ['circulated'] },
        );
      }
      const deadline = new Date(current.commentDeadline!);
      if (now.getTime() < deadline.getTime()) {
        const missing = await this.minutes.memberStatesWithoutComment(em, councilId, current.id);
        if (missing > 0) {
          throw new ConflictException(
            'COMMENT_PERIOD_OPEN',
            `comments are taken until ${deadline.toISOString()}; the minutes can be approved then, or earlier once every member state has commented (${missing} not yet)`,
            { commentDeadline: deadline.toISOString(), memberStatesWithoutComment: missing },
          );
        }
      }
      this.requireMeetingStatus(
        meeting,
        APPROVABLE_MEETING_STATUSES,
        'MEETING_NOT_MINUTES_CIRCULATED',
        'minutes are approved while the meeting is minutes_circulated',
      );
      if (!(await this.minutes.approve(em, current.id, dto.version, now, caller.userId))) throw new StaleVersionException('minutes', meetingId, dto.version);
      await this.moveMeeting(em, councilId, meeting, 'minutes_approved');
      await this.notifier.approved(em, councilId, meetingId);
      const after = minutesResponse((await this.minutes.find(councilId, meetingId, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'minutes.approved',
        entityType: 'minutes',
        entityId: current.id,
        before: { status: current.status, version: current.version },
        after: { status: after.status, approvedAt: after.approvedAt, approvedBy: after.approvedBy, commentCount: after.commentCount, version: after.version },
      });
      return after;
    });
  }

  private async meeting(em: EntityManager, councilId: string, meetingId: string, lock: 'share' | 'update'): Promise<MinutesMeetingRow> {
    const meeting = await this.minutes.findMeeting(councilId, meetingId, em, lock);
    if (!meeting) throw new NotFoundException('meeting', meetingId);
    return meeting;
  }

  private async lockVersion(em: EntityManager, councilId: string, meetingId: string, version: number): Promise<MinutesRow> {
    const current = await this.minutes.find(councilId, meetingId, em, 'update');
    if (!current) throw new NotFoundException('minutes', meetingId);
    if (current.version !== version) throw new StaleVersionException('minutes', meetingId, version);
    return current;
  }

  private requireMeetingStatus(meeting: MinutesMeetingRow, allowed: readonly MeetingStatus[], code: ErrorCode, rule: string): void {
    if (allowed.includes(meeting.status)) return;
    throw new ConflictException(code, `${rule}; the meeting is ${meeting.status} (allowed: ${allowed.join(', ')})`, {
      meetingStatus: meeting.status,
      allowedMeetingStatuses: allowed,
    });
  }

  /**
   * Moves the meeting along its lifecycle as its own transition would (meeting-lifecycle.ts), with the
   * meeting's audit row; a meeting already there (moved by a transition) stays.
   */
  private async moveMeeting(em: EntityManager, councilId: string, meeting: MinutesMeetingRow, to: MeetingStatus): Promise<void> {
    if (meeting.status === to || !canTransition(meeting.status, to)) return;
    if (!(await this.minutes.moveMeeting(em, councilId, meeting.id, meeting.status, to))) return;
    await this.audit.record(em, {
      councilId,
      action: `meeting.${to}`,
      entityType: 'meeting',
      entityId: meeting.id,
      before: { status: meeting.status },
      after: { status: to },
    });
  }
}
