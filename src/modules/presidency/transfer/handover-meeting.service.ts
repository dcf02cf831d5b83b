import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { SuccessionRepository, type TermRow } from '../succession/succession.repository.js';
import type { DesignateHandoverMeetingDto } from './dto/designate-handover-meeting.dto.js';
import type { HandoverMeetingResponse } from './dto/handover-meeting.response.js';
import { CLOSED_MEETING_STATUSES, DESIGNABLE_MEETING_STATUSES, HandoverMeetingRepository } from './handover-meeting.repository.js';
import { handoverMeetingResponse } from './handover-meeting.responses.js';

const CLOSED: readonly string[] = CLOSED_MEETING_STATUSES;
const DESIGNABLE: readonly string[] = DESIGNABLE_MEETING_STATUSES;

/**
 * The handover meeting of a term: designated by the secretariat before it is held, undesignated before it
 * closes. Its close drives the transfer, in the closing transaction (HandoverMeetingCloseListener, a listener to
 * the meetings module's close; TransferService.transferAtMeetingClose, run by the sweeper, catches up). A cancelled meeting's designation is ignored; one that closes after
 * the term's end is moot (the scheduled transfer happened at the end).
 */
@Injectable()
export class HandoverMeetingService {
  constructor(
    private readonly db: DataSource,
    private readonly terms: SuccessionRepository,
    private readonly repo: HandoverMeetingRepository,
    private readonly audit: AuditService,
  ) {}

  async designate(councilId: string, dto: DesignateHandoverMeetingDto, userId: string | null): Promise<HandoverMeetingResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.terms.lockCouncil(em, councilId))) throw new NotFoundException('council', councilId);
      const term = await this.openTerm(em, councilId, dto.termId);
      const meeting = await this.repo.lockMeeting(em, councilId, dto.meetingId);
      if (!meeting) throw new NotFoundException('meeting', dto.meetingId);
      if (!DESIGNABLE.includes(meeting.status)) {
        throw new ConflictException(
          'MEETING_NOT_DESIGNABLE',
          `only a meeting not held yet (${DESIGNABLE.join(', ').replace(/_/g, ' ')}) can be the handover meeting; it is ${meeting.status.replace(/_/g, ' ')}`,
          { status: meeting.status },
          'meetingId',
        );
      }
      if (meeting.startsAt.getTime() >= term.endsAt.getTime()) {
        throw new ConflictException(
          'MEETING_AFTER_TERM',
          `the meeting starts after the term ends (${term.endsAt.toISOString()}): the presidency will have passed by then`,
          { startsAt: meeting.startsAt.toISOString(), termEndsAt: term.endsAt.toISOString() },
          'meetingId',
        );
      }
      await this.repo.insert(em, { councilId, termId: term.id, meetingId: dto.meetingId, designatedBy: userId });
      const row = (await this.repo.find(em, councilId, term.id))!;
      const after = handoverMeetingResponse(row);
      await this.audit.record(em, { councilId, action: 'presidency.handover_meeting_designated', entityType: 'presidency_term', entityId: term.id, after });
      return after;
    });
  }

  async get(councilId: string, termId: string | undefined): Promise<HandoverMeetingResponse> {
    const em = this.db.manager;
    const term = await this.termOf(em, councilId, termId);
    const row = await this.repo.find(em, councilId, term.id);
    if (!row) throw new NotFoundException('handover_meeting', term.id);
    return handoverMeetingResponse(row);
  }

  async undesignate(councilId: string, termId: string | undefined): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await this.terms.lockCouncil(em, councilId))) throw new NotFoundException('council', councilId);
      const term = await this.termOf(em, councilId, termId);
      const row = await this.repo.find(em, councilId, term.id);
      if (!row) throw new NotFoundException('handover_meeting', term.id);
      // Lock the meeting against a close racing the undesignation, then judge its status.
      const meeting = await this.repo.lockMeeting(em, councilId, row.meetingId);
      if (meeting && CLOSED.includes(meeting.status)) {
        throw new ConflictException(
          'MEETING_CLOSED',
          'the handover meeting has closed: the designation has done its work and stays on record',
          { status: meeting.status },
          'termId',
        );
      }
      await this.repo.delete(em, councilId, term.id);
      await this.audit.record(em, {
        councilId,
        action: 'presidency.handover_meeting_undesignated',
        entityType: 'presidency_term',
        entityId: term.id,
        before: handoverMeetingResponse(row),
      });
    });
  }

  /** The given term of the council (404), or the one covering now (409 NO_PRESIDENCY). */
  private async termOf(em: EntityManager, councilId: string, termId: string | undefined): Promise<TermRow> {
    if (termId !== undefined) {
      const term = await this.terms.term(em, councilId, termId);
      if (!term) throw new NotFoundException('presidency_term', termId);
      return term;
    }
    if (!(await this.terms.council(em, councilId))) throw new NotFoundException('council', councilId);
    const term = await this.terms.covering(em, councilId);
    if (!term) throw new ConflictException('NO_PRESIDENCY', 'no presidency term covers now', {});
    return term;
  }

  /** A term that can still get a handover meeting: not ended, not succeeded. */
  private async openTerm(em: EntityManager, councilId: string, termId: string | undefined): Promise<TermRow> {
    const term = await this.termOf(em, councilId, termId);
    if (term.endsAt.getTime() <= Date.now() || (await this.terms.isSucceeded(em, term.id))) {
      throw new ConflictException(
        'TERM_ENDED',
        'this presidency term has ended or been succeeded: it can no longer get a handover meeting',
        { termId: term.id },
        'termId',
      );
    }
    return term;
  }
}
