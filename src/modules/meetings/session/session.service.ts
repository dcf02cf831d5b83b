import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, requireDelegation } from '../../../core/auth/caller.js';
import {
  ConflictException,
  ForbiddenException,
  InvalidInputException,
  NotFoundException,
  StaleVersionException,
} from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { closingOutcome, type Quorum, quorumOf, SESSION_MEETING_STATUSES } from './consensus.js';
import { objectionResponse, positionResponse } from './decision-records.js';
import { decisionTextProblem } from './decision-text.js';
import type { AttendanceListResponse } from './dto/attendance-list.response.js';
import type { AttendanceResponse } from './dto/attendance.response.js';
import type { CloseDecisionDto } from './dto/close-decision.dto.js';
import type { DecisionListResponse } from './dto/decision-list.response.js';
import type { DecisionResponse } from './dto/decision.response.js';
import type { ObjectionResponse } from './dto/objection.response.js';
import type { PositionResponse } from './dto/position.response.js';
import type { ProposeDecisionDto } from './dto/propose-decision.dto.js';
import type { PublishedDecisionListResponse } from './dto/published-decision.response.js';
import type { RaiseObjectionDto } from './dto/raise-objection.dto.js';
import type { RecordAttendanceDto } from './dto/record-attendance.dto.js';
import type { StatePositionDto } from './dto/state-position.dto.js';
import { type DecisionRow, SessionRepository, type SessionMeetingRow } from './session.repository.js';
import { iso } from '../../../core/http/iso.js';
import { attendanceResponse, decisionResponse } from './session.responses.js';

/**
 * The meeting in session: the secretariat records attendance (quorum follows
 * from it); the chair or the secretariat proposes decisions on agenda items and
 * closes them; delegates of member states present object (and may withdraw
 * their objection); delegates of member states and permanent participants
 * state consultation positions, which never block. Adopted decisions are
 * published. Everything happens while the meeting is in session; each change
 * is one transaction with its audit row.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: DataSource,
    private readonly session: SessionRepository,
    private readonly audit: AuditService,
  ) {}

  async attendance(councilId: string, meetingId: string): Promise<AttendanceListResponse> {
    const meeting = await this.session.findMeeting(councilId, meetingId);
    if (!meeting) throw new NotFoundException('meeting', meetingId);
    return {
      items: (await this.session.listAttendance(councilId, meetingId)).map(attendanceResponse),
      quorum: await this.quorum(this.db.manager, councilId, meeting),
    };
  }

  async recordAttendance(councilId: string, meetingId: string, delegationId: string, dto: RecordAttendanceDto): Promise<AttendanceResponse> {
    const representedBy = dto.representedBy ?? null;
    if (!dto.present && representedBy !== null) {
      throw new InvalidInputException('representedBy', 'absent_unrepresented', 'an absent delegation is represented by nobody (representedBy: null)');
    }
    return this.db.transaction(async (em) => {
      await this.inSession(em, councilId, meetingId, 'update');
      if (!(await this.session.findDelegation(em, councilId, delegationId))) throw new NotFoundException('delegation', delegationId);
      const before = await this.session.findAttendance(em, meetingId, delegationId);
      await this.session.upsertAttendance(em, councilId, meetingId, delegationId, dto.present, representedBy);
      const after = attendanceResponse((await this.session.findAttendance(em, meetingId, delegationId))!);
      await this.audit.record(em, {
        councilId,
        action: 'attendance.recorded',
        entityType: 'meeting_attendance',
        entityId: `${meetingId}:${delegationId}`,
        before: before ? attendanceResponse(before) : undefined,
        after,
      });
      return after;
    });
  }

  async decisions(councilId: string, meetingId: string): Promise<DecisionListResponse> {
    if (!(await this.session.findMeeting(councilId, meetingId))) throw new NotFoundException('meeting', meetingId);
    const rows = await this.session.listDecisions(councilId, meetingId);
    const ids = rows.map((r) => r.id);
    const [objections, positions] = [await this.session.listObjections(this.db.manager, ids), await this.session.listPositions(this.db.manager, ids)];
    return { items: rows.map((r) => decisionResponse(r, objections, positions)) };
  }

  async propose(councilId: string, meetingId: string, itemId: string, dto: ProposeDecisionDto, caller: Caller): Promise<DecisionResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.inSession(em, councilId, meetingId, 'share');
      const problem = decisionTextProblem(dto.text, meeting.workingLanguages);
      if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
      const item = await this.session.findItem(em, councilId, meetingId, itemId);
      if (!item) throw new NotFoundException('agenda item', itemId);
      if (item.status !== 'scheduled') {
        throw new ConflictException('ITEM_NOT_SCHEDULED', `a decision is taken on a scheduled item; this one is ${item.status.replace('_', ' ')}`, {
          itemStatus: item.status,
        });
      }
      const text = Object.fromEntries(Object.entries(dto.text).map(([k, v]) => [k, v.trim()]));
      const id = await this.session.insertDecision(em, councilId, meetingId, itemId, text, caller.userId);
      const created = await this.current(em, councilId, meetingId, id);
      await this.audit.record(em, { councilId, action: 'decision.proposed', entityType: 'decision', entityId: id, after: created });
      return created;
    });
  }

  /** A delegate of a member state recorded present objects; the objection blocks consensus while it stands. */
  async object(councilId: string, meetingId: string, decisionId: string, dto: RaiseObjectionDto, caller: Caller): Promise<ObjectionResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.inSession(em, councilId, meetingId, 'share');
      await this.openDecision(em, councilId, meetingId, decisionId);
      const delegation = (await this.session.findDelegation(em, councilId, delegationId))!;
      if (delegation.participantKind !== 'member_state') {
        throw new ConflictException(
          'OBJECTION_MEMBER_STATES_ONLY',
          'only member states decide, so only they object; a permanent participant states a consultation position instead (POST …/positions)',
          { participantKind: delegation.participantKind },
        );
      }
      if (!(await this.session.isPresent(em, meetingId, delegationId))) {
        throw new ConflictException('DELEGATION_NOT_PRESENT', 'only a member state recorded present at the meeting can object', { delegationId });
      }
      const id = await this.session.insertObjection(em, councilId, decisionId, delegationId, dto.reason.trim(), caller.userId);
      const created = objectionResponse((await this.session.listObjections(em, [decisionId])).find((o) => o.id === id)!);
      await this.audit.record(em, { councilId, action: 'decision.objection_raised', entityType: 'decision', entityId: decisionId, after: created });
      return created;
    });
  }

  /** The delegation withdraws its own standing objection (404 for anyone else's). */
  async withdrawObjection(councilId: string, meetingId: string, decisionId: string, objectionId: string, caller: Caller): Promise<DecisionResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.inSession(em, councilId, meetingId, 'share');
      await this.openDecision(em, councilId, meetingId, decisionId);
      const before = (await this.session.listObjections(em, [decisionId])).find((o) => o.id === objectionId && o.delegationId === delegationId);
      if (!before || before.withdrawnAt !== null || !(await this.session.withdrawObjection(em, councilId, decisionId, objectionId, delegationId))) {
        throw new NotFoundException('objection', objectionId);
      }
      const after = (await this.session.listObjections(em, [decisionId])).find((o) => o.id === objectionId)!;
      await this.audit.record(em, {
        councilId,
        action: 'decision.objection_withdrawn',
        entityType: 'decision',
        entityId: decisionId,
        before: objectionResponse(before),
        after: objectionResponse(after),
      });
      return this.current(em, councilId, meetingId, decisionId);
    });
  }

  /** A consultation position of a permanent participant (or a member state standing aside): recorded, never blocking. */
  async statePosition(councilId: string, meetingId: string, decisionId: string, dto: StatePositionDto, caller: Caller): Promise<PositionResponse> {
    const delegationId = requireDelegation(caller);
    return this.db.transaction(async (em) => {
      await this.inSession(em, councilId, meetingId, 'share');
      await this.openDecision(em, councilId, meetingId, decisionId);
      const delegation = (await this.session.findDelegation(em, councilId, delegationId))!;
      if (delegation.participantKind === 'observer') {
        // The permission table already keeps observers out; this guards the rule itself.
        throw new ForbiddenException(null, 'observers take part in discussion, never in decisions');
      }
      const before = (await this.session.listPositions(em, [decisionId])).find((p) => p.delegationId === delegationId);
      const id = await this.session.upsertPosition(em, councilId, decisionId, delegationId, dto.position, dto.note?.trim() ?? null, caller.userId);
      const after = positionResponse((await this.session.listPositions(em, [decisionId])).find((p) => p.id === id)!);
      await this.audit.record(em, {
        councilId,
        action: 'decision.position_stated',
        entityType: 'decision',
        entityId: decisionId,
        before: before ? positionResponse(before) : undefined,
        after,
      });
      return after;
    });
  }

  /**
   * Closes the decision once: deferred when asked; otherwise quorum is needed
   * (409 QUORUM_NOT_MET naming the rule), and the outcome is adopted unless a
   * member state present still objects (not_adopted).
   */
  async close(councilId: string, meetingId: string, decisionId: string, dto: CloseDecisionDto, now: Date = new Date()): Promise<DecisionResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.inSession(em, councilId, meetingId, 'share');
      const current = await this.session.findDecision(em, councilId, meetingId, decisionId, 'update');
      if (!current) throw new NotFoundException('decision', decisionId);
      if (current.status === 'closed') {
        throw new ConflictException('DECISION_CLOSED', `the decision is already closed (${current.outcome}); a decision is closed once`, {
          outcome: current.outcome,
        });
      }
      if (current.version !== dto.version) throw new StaleVersionException('decision', decisionId, dto.version);
      const quorum = await this.quorum(em, councilId, meeting);
      const standing = await this.session.standingObjections(em, decisionId, meetingId);
      const closing = closingOutcome(dto.outcome, quorum, standing);
      if ('refused' in closing) {
        throw new ConflictException(
          'QUORUM_NOT_MET',
          `the decision cannot be taken without quorum: ${quorum.memberStatesPresent} of ${quorum.activeMemberStates} member states present, ${quorum.required} required (${quorum.rule}); it can be deferred (outcome: 'deferred')`,
          { ...quorum },
        );
      }
      const before = await this.current(em, councilId, meetingId, decisionId);
      const figures = { memberStatesPresent: quorum.memberStatesPresent, activeMemberStates: quorum.activeMemberStates, required: quorum.required };
      if (!(await this.session.close(em, councilId, decisionId, dto.version, closing.outcome, figures, now))) {
        throw new StaleVersionException('decision', decisionId, dto.version);
      }
      const after = await this.current(em, councilId, meetingId, decisionId);
      await this.audit.record(em, {
        councilId,
        action: 'decision.closed',
        entityType: 'decision',
        entityId: decisionId,
        before,
        after: { ...after, standingObjections: standing },
      });
      return after;
    });
  }

  async published(councilId: string): Promise<PublishedDecisionListResponse> {
    const rows = await this.session.listPublished(councilId);
    if (!rows) throw new NotFoundException('council', councilId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        procedure: r.procedure,
        text: r.text,
        outcome: 'adopted' as const,
        adoptedAt: iso(r.closedAt)!,
        meeting: r.meetingId === null ? null : { id: r.meetingId, title: r.meetingTitle!, startsAt: iso(r.meetingStartsAt)! },
        agendaItem: r.itemId === null ? null : { id: r.itemId, position: r.itemPosition!, title: r.itemTitle! },
        body: r.bodyId === null ? null : { id: r.bodyId, name: r.bodyName! },
      })),
    };
  }

  private async quorum(em: EntityManager, councilId: string, meeting: SessionMeetingRow): Promise<Quorum> {
    const counts = await this.session.quorumCounts(em, councilId, meeting.id);
    return quorumOf(Number(meeting.quorumRatio), counts.active, counts.present);
  }

  /** The meeting, locked, if it is in session; 404 when not in the council, 409 naming the allowed statuses otherwise. */
  private async inSession(em: EntityManager, councilId: string, meetingId: string, lock: 'share' | 'update'): Promise<SessionMeetingRow> {
    const meeting = await this.session.findMeeting(councilId, meetingId, em, lock);
    if (!meeting) throw new NotFoundException('meeting', meetingId);
    if (!SESSION_MEETING_STATUSES.includes(meeting.status)) {
      throw new ConflictException(
        'MEETING_NOT_IN_SESSION',
        `attendance and decisions are recorded while the meeting is ${SESSION_MEETING_STATUSES.join(' or ')}; it is ${meeting.status}`,
        {
          meetingStatus: meeting.status,
          allowedMeetingStatuses: SESSION_MEETING_STATUSES,
        },
      );
    }
    return meeting;
  }

  /** The decision, share-locked (closing waits for the change), if still proposed. */
  private async openDecision(em: EntityManager, councilId: string, meetingId: string, decisionId: string): Promise<DecisionRow> {
    const decision = await this.session.findDecision(em, councilId, meetingId, decisionId, 'share');
    if (!decision) throw new NotFoundException('decision', decisionId);
    if (decision.status !== 'proposed') {
      throw new ConflictException('DECISION_CLOSED', `the decision is closed (${decision.outcome}): objections and positions are no longer taken`, {
        outcome: decision.outcome,
      });
    }
    return decision;
  }

  private async current(em: EntityManager, councilId: string, meetingId: string, decisionId: string): Promise<DecisionResponse> {
    const d = (await this.session.findDecision(em, councilId, meetingId, decisionId))!;
    return decisionResponse(d, await this.session.listObjections(em, [decisionId]), await this.session.listPositions(em, [decisionId]));
  }
}
