import type { SilenceOutcome, SilenceProcedureResponse } from './dto/silence-procedure.response.js';
import { type WrittenDecisionRow } from './silence.repository.js';
import {
  closingQuorum,
  recordsOf,
  objectionResponse as breakResponse,
  type ObjectionRow as BreakRow,
  type PositionRow as SilencePositionRow,
} from '../session/decision-records.js';
import { iso } from '../../../core/http/iso.js';

/** Silence procedures as the API answers them. */
export function procedureResponse(d: WrittenDecisionRow, breaks: BreakRow[], positions: SilencePositionRow[]): SilenceProcedureResponse {
  const own = breaks.filter((b) => b.decisionId === d.id);
  return {
    id: d.id,
    councilId: d.councilId,
    procedure: 'written',
    bodyId: d.bodyId,
    text: d.text,
    deadline: iso(d.deadline)!,
    status: d.status,
    outcome: d.outcome as SilenceOutcome | null,
    closedAt: iso(d.closedAt),
    silenceBroken: own.some((b) => b.withdrawnAt === null),
    quorum: closingQuorum(d),
    breaks: own.map(breakResponse),
    positions: recordsOf(d.id, [], positions).positions,
    version: d.version,
    createdAt: iso(d.createdAt)!,
    updatedAt: iso(d.updatedAt)!,
  };
}
