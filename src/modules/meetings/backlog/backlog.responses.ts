import { type BacklogItemRow } from './backlog.repository.js';
import type { BacklogItemResponse } from './dto/backlog-item.response.js';
import { iso } from '../../../core/http/iso.js';

/** The backlog as the API answers it. */
export function backlogItemResponse(r: BacklogItemRow): BacklogItemResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    bodyId: r.bodyId,
    title: r.title,
    purpose: r.purpose,
    description: r.description,
    proposedBy: r.proposedBy,
    proposedByDelegationId: r.proposedByDelegationId,
    status: r.status,
    agendaItemId: r.agendaItemId,
    meetingId: r.meetingId,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}
