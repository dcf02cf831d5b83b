import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Caller, requireDelegation } from '../../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import type { CreateMinutesCommentDto } from './dto/create-minutes-comment.dto.js';
import type { MinutesCommentListResponse } from './dto/minutes-comment-list.response.js';
import type { MinutesCommentResponse } from './dto/minutes-comment.response.js';
import { commentWindow } from './minutes-rules.js';
import { type MinutesCommentRow, MinutesRepository } from './minutes.repository.js';

const commentResponse = (c: MinutesCommentRow): MinutesCommentResponse => ({
  id: c.id,
  meetingId: c.meetingId,
  delegationId: c.delegationId,
  delegationName: c.delegationName,
  participantKind: c.participantKind,
  authorId: c.authorId,
  authorName: c.authorName,
  agendaItemId: c.agendaItemId,
  text: c.text,
  createdAt: new Date(c.createdAt).toISOString(),
});

/**
 * Comments on circulated minutes: any delegation of the council (member
 * states, permanent participants, observers) comments through its delegates
 * until the comment deadline; the council's members read them. Comments are
 * never public.
 */
@Injectable()
export class MinutesCommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly minutes: MinutesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(councilId: string, meetingId: string): Promise<MinutesCommentListResponse> {
    if (!(await this.minutes.findMeeting(councilId, meetingId))) throw new NotFoundException('meeting', meetingId);
    const row = await this.minutes.find(councilId, meetingId);
    if (!row) throw new NotFoundException('minutes', meetingId);
    return { items: (await this.minutes.listComments(councilId, row.id)).map(commentResponse) };
  }

  /** While circulated and before the deadline (else 409 COMMENT_PERIOD_CLOSED with the deadline); for the caller's own delegation. */
  async comment(councilId: string, meetingId: string, dto: CreateMinutesCommentDto, caller: Caller, now: Date = new Date()): Promise<MinutesCommentResponse> {
    const delegationId = requireDelegation(caller, 'only a delegate comments, for their delegation');
    const text = dto.text.trim();
    if (text === '') throw new InvalidInputException('text', 'not_blank', 'text must not be blank');
    return this.db.transaction(async (em) => {
      if (!(await this.minutes.findMeeting(councilId, meetingId, em, 'share'))) throw new NotFoundException('meeting', meetingId);
      // Share lock: approval (which takes the row for update) waits for a comment in progress, and the reverse.
      const minutes = await this.minutes.find(councilId, meetingId, em, 'share');
      if (!minutes) throw new NotFoundException('minutes', meetingId);
      const deadline = minutes.commentDeadline && new Date(minutes.commentDeadline);
      const window = commentWindow({ status: minutes.status, commentDeadline: deadline }, now);
      if (window === 'not_circulated') {
        throw new ConflictException('MINUTES_NOT_CIRCULATED', 'comments are taken once the minutes are circulated', { status: minutes.status });
      }
      if (window === 'closed') {
        throw new ConflictException('COMMENT_PERIOD_CLOSED', `comments were taken until ${deadline!.toISOString()}`, {
          commentDeadline: deadline!.toISOString(),
          status: minutes.status,
        });
      }
      const agendaItemId = dto.agendaItemId ?? null;
      if (agendaItemId !== null && !(await this.minutes.agendaItemInMeeting(em, meetingId, agendaItemId))) {
        throw new InvalidInputException('agendaItemId', 'item_of_meeting', `agenda item ${agendaItemId} is not an item of this meeting`);
      }
      const id = await this.minutes.insertComment(em, { councilId, minutesId: minutes.id, delegationId, authorId: caller.userId, agendaItemId, text });
      const created = commentResponse((await this.minutes.findComment(em, id))!);
      await this.audit.record(em, { councilId, action: 'minutes.commented', entityType: 'minutes', entityId: minutes.id, after: created });
      return created;
    });
  }
}
