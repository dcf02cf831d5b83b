import { iso } from '../../core/http/iso.js';
import { allowedNext } from './action-item-lifecycle.js';
import type { ActionItemRow, ActionItemUpdateRow } from './action-items.repository.js';
import type { ActionItemUpdateResponse } from './dto/action-item-update.response.js';
import type { ActionItemResponse } from './dto/action-item.response.js';

/** Action items and their history as the API answers them. */

export function actionItemResponse(r: ActionItemRow): ActionItemResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    title: r.title,
    description: r.description,
    ownerKind: r.ownerKind,
    ownerDelegationId: r.ownerDelegationId,
    ownerBodyId: r.ownerBodyId,
    ownerUserId: r.ownerUserId,
    dueDate: r.dueDate,
    priority: r.priority,
    sourceKind: r.sourceKind,
    decisionId: r.decisionId,
    meetingId: r.meetingId,
    recommendationId: r.recommendationId,
    targetValue: r.targetValue === null ? null : Number(r.targetValue),
    targetUnit: r.targetUnit,
    status: r.status,
    overdue: r.overdue,
    allowedTransitions: [...allowedNext(r.status)],
    acknowledgedAt: iso(r.acknowledgedAt),
    doneAt: iso(r.doneAt),
    verifiedAt: iso(r.verifiedAt),
    verifiedBy: r.verifiedBy,
    cancelledAt: iso(r.cancelledAt),
    cancelReason: r.cancelReason,
    cancelDecisionId: r.cancelDecisionId,
    progressPercent: r.progressPercent,
    progressRag: r.progressRag,
    progressAt: iso(r.progressAt),
    carriedOver: r.carriedOver,
    carryOverTag: r.carryOverTag,
    version: r.version,
    createdBy: r.createdBy,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

export const updateResponse = (u: ActionItemUpdateRow): ActionItemUpdateResponse => ({
  id: u.id,
  actionItemId: u.actionItemId,
  kind: u.kind,
  text: u.text,
  percent: u.percent,
  rag: u.rag,
  attachmentUrl: u.attachmentUrl,
  statusFrom: u.statusFrom,
  statusTo: u.statusTo,
  authorId: u.authorId,
  authorName: u.authorName,
  createdAt: iso(u.createdAt)!,
});
