import type { EntityManager } from 'typeorm';
import { ConflictException, DomainException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import type { SuccessionRepository } from '../succession/succession.repository.js';
import type { HandoverDto } from './dto/handover.dto.js';
import type { TransferResponse } from './dto/transfer.response.js';
import type { SuccessionExtras } from './term-succession.service.js';
import type { TransferRepository, TransferRow } from './transfer.repository.js';

/** Meeting statuses from which a meeting has closed. */
const CLOSED_MEETING = new Set(['closed', 'minutes_circulated', 'minutes_approved']);

/** A handover takes effect now or a moment ago: never in the future, never further back than the clocks' tolerance. */
export function checkHandoverClock(at: Date, now: Date, toleranceSeconds: number): void {
  if (at.getTime() > now.getTime()) {
    const message = 'a handover takes effect now or at an instant already past, never in the future';
    throw new DomainException('HANDOVER_IN_FUTURE', 400, message, [{ field: 'at', rule: 'not_future', message }], {
      at: at.toISOString(),
      now: now.toISOString(),
    });
  }
  const toleranceMs = toleranceSeconds * 1000;
  const earliest = new Date(now.getTime() - toleranceMs);
  if (at.getTime() < earliest.getTime()) {
    const message = `a handover cannot be dated back more than ${toleranceSeconds} seconds (the clocks' tolerance): the presidency passes when the decision is acted on, not in the past`;
    throw new DomainException('HANDOVER_IN_PAST', 400, message, [{ field: 'at', rule: 'not_past', message }], {
      at: at.toISOString(),
      earliest: earliest.toISOString(),
      toleranceSeconds,
    });
  }
}

/** What grounds the handover — the adopted decision (written procedure), the closed handover meeting — checked against `at`. */
export async function handoverGrounds(
  em: EntityManager,
  reads: { terms: SuccessionRepository; transfers: TransferRepository },
  councilId: string,
  dto: HandoverDto,
  at: Date,
): Promise<SuccessionExtras> {
  let decisionId: string | null = null;
  let meetingId: string | null = null;
  if (dto.mode === 'written' && dto.decisionId === undefined) {
    throw new InvalidInputException('decisionId', 'required', 'a handover by written procedure cites the adopted decision');
  }
  if (dto.mode === 'meeting' && dto.meetingId === undefined) throw new InvalidInputException('meetingId', 'required', 'name the handover meeting');
  if (dto.mode !== 'meeting' && dto.meetingId !== undefined)
    throw new InvalidInputException('meetingId', 'meeting_mode_only', "meetingId goes with mode 'meeting'");
  if (dto.decisionId !== undefined) {
    const d = await reads.terms.decision(em, councilId, dto.decisionId);
    if (!d) throw new NotFoundException('decision', dto.decisionId);
    if (d.outcome !== 'adopted') {
      throw new ConflictException(
        'DECISION_NOT_ADOPTED',
        'only an adopted decision can ground a handover',
        { status: d.status, outcome: d.outcome },
        'decisionId',
      );
    }
    const adoptedAt = d.closedAt === null ? null : new Date(d.closedAt);
    if (adoptedAt !== null && at.getTime() < adoptedAt.getTime()) {
      throw new ConflictException(
        'HANDOVER_BEFORE_DECISION',
        `the handover cannot precede the decision that grounds it (adopted ${adoptedAt.toISOString()})`,
        { at: at.toISOString(), decisionAdoptedAt: adoptedAt.toISOString() },
        'at',
      );
    }
    decisionId = d.id;
  }
  if (dto.meetingId !== undefined) {
    const m = await reads.transfers.meetingStatus(em, councilId, dto.meetingId);
    if (!m) throw new NotFoundException('meeting', dto.meetingId);
    if (!CLOSED_MEETING.has(m.status)) {
      throw new ConflictException(
        'MEETING_NOT_CLOSED',
        `the handover happens when the handover meeting has closed; it is ${m.status.replace(/_/g, ' ')}`,
        { status: m.status },
        'meetingId',
      );
    }
    if (at.getTime() < m.startsAt.getTime()) {
      throw new ConflictException(
        'HANDOVER_BEFORE_MEETING',
        `the handover cannot precede the meeting (it began ${m.startsAt.toISOString()})`,
        { at: at.toISOString(), meetingStartsAt: m.startsAt.toISOString() },
        'at',
      );
    }
    meetingId = dto.meetingId;
  }
  return { mode: dto.mode, decisionId, meetingId };
}

/**
 * The answer to a handover citing a decision (or meeting) that already handed the presidency over: the same request
 * again gets that transfer; a different one (another mode, instant, term or ground) is a 409 naming what it cites.
 */
export function replay(prior: TransferRow, dto: HandoverDto): TransferResponse {
  const same =
    prior.mode === dto.mode &&
    (dto.at === undefined || new Date(dto.at).getTime() === prior.boundary.getTime()) &&
    (dto.termId === undefined || dto.termId === prior.fromTermId) &&
    (prior.decisionId ?? undefined) === dto.decisionId &&
    (prior.meetingId ?? undefined) === dto.meetingId;
  if (!same) {
    const byDecision = dto.decisionId !== undefined && prior.decisionId === dto.decisionId;
    const what = byDecision ? 'decision' : 'meeting';
    throw new ConflictException(
      byDecision ? 'DECISION_ALREADY_USED' : 'MEETING_ALREADY_USED',
      `this ${what} has already handed the presidency over (transfer ${prior.id} at ${prior.boundary.toISOString()}): a ${what} hands it over once`,
      { transferId: prior.id, fromTermId: prior.fromTermId, toTermId: prior.toTermId, boundary: prior.boundary.toISOString(), mode: prior.mode },
      byDecision ? 'decisionId' : 'meetingId',
    );
  }
  return {
    transferId: prior.id,
    outcome: 'transferred',
    toTermId: prior.toTermId,
    boundary: prior.boundary.toISOString(),
    mode: prior.mode,
    successorBasis: prior.basis,
    itemsMoved: prior.itemsMoved,
  };
}
