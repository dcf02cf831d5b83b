import { closingQuorum, recordsOf } from './decision-records.js';
import type { AttendanceResponse } from './dto/attendance.response.js';
import type { DecisionResponse } from './dto/decision.response.js';
import { type AttendanceRow, type DecisionRow, type ObjectionRow, type PositionRow } from './session.repository.js';
import { iso } from '../../../core/http/iso.js';

/** A session's attendance and decisions as the API answers them. */
export function attendanceResponse(r: AttendanceRow): AttendanceResponse {
  return {
    meetingId: r.meetingId,
    delegationId: r.delegationId,
    delegationName: r.delegationName,
    participantId: r.participantId,
    participantKind: r.participantKind,
    present: r.present,
    representedBy: r.representedBy,
    version: r.version,
    updatedAt: iso(r.updatedAt)!,
  };
}

export function decisionResponse(d: DecisionRow, objections: ObjectionRow[], positions: PositionRow[]): DecisionResponse {
  return {
    id: d.id,
    councilId: d.councilId,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    text: d.text,
    status: d.status,
    outcome: d.outcome,
    closedAt: iso(d.closedAt),
    quorum: closingQuorum(d),
    ...recordsOf(d.id, objections, positions),
    version: d.version,
    createdAt: iso(d.createdAt)!,
    updatedAt: iso(d.updatedAt)!,
  };
}
