import type { ActionItemStatus, OwnerKind, Priority, Rag, SourceKind } from './entities/action-item.entity.js';
import type { UpdateKind } from './entities/action-item-update.entity.js';

/** An action item as the repositories read it (ActionItemsRepository) and write it (ActionItemWritesRepository). */
export interface ActionItemRow {
  id: string;
  councilId: string;
  title: Record<string, string>;
  description: Record<string, string> | null;
  ownerKind: OwnerKind;
  ownerDelegationId: string | null;
  ownerBodyId: string | null;
  ownerUserId: string | null;
  dueDate: string;
  priority: Priority;
  sourceKind: SourceKind;
  decisionId: string | null;
  meetingId: string | null;
  recommendationId: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  status: ActionItemStatus;
  acknowledgedAt: Date | null;
  doneAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelDecisionId: string | null;
  progressPercent: number | null;
  progressRag: Rag | null;
  progressAt: Date | null;
  carriedOver: boolean;
  carryOverTag: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  overdue: boolean;
}

/** The row locked for a change, with what the caller is to it. */
export interface LockedActionItemRow extends ActionItemRow {
  /** The caller's delegation owns it, or (body items) the caller's participant leads the body today. */
  callerOwns: boolean;
  /** Body items: the caller's participant leads the body today. */
  callerLeads: boolean;
}

export interface ActionItemUpdateRow {
  id: string;
  actionItemId: string;
  kind: UpdateKind;
  text: string | null;
  percent: number | null;
  rag: Rag | null;
  attachmentUrl: string | null;
  statusFrom: ActionItemStatus | null;
  statusTo: ActionItemStatus | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

export interface ActionItemFilterValues {
  ownerDelegationId?: string;
  bodyId?: string;
  meetingId?: string;
  decisionId?: string;
  recommendationId?: string;
  status?: ActionItemStatus[];
  overdue?: boolean;
  dueBefore?: string;
  source?: SourceKind;
}

/** "Mine": the caller's delegation's items, and the items of the bodies its participant leads today. */
export interface MineScope {
  delegationId: string;
  participantId: string | null;
}

/** Who may change an item, as a WHERE condition: anyone (council-wide), its owner's delegates, or its body's leads. */
export type WriteScope =
  { kind: 'council' } | { kind: 'owner'; delegationId: string; participantId: string | null } | { kind: 'lead'; participantId: string | null };

/** What a new item is given; the rest (status, progress, version, times) starts at its defaults. */
export type NewActionItem = Pick<
  ActionItemRow,
  | 'title'
  | 'description'
  | 'ownerKind'
  | 'ownerDelegationId'
  | 'ownerBodyId'
  | 'ownerUserId'
  | 'dueDate'
  | 'priority'
  | 'sourceKind'
  | 'decisionId'
  | 'meetingId'
  | 'recommendationId'
  | 'targetValue'
  | 'targetUnit'
> & { createdBy: string | null };

export interface CouncilInfo {
  workingLanguages: string[];
  /** Today in the council's time zone (YYYY-MM-DD). */
  today: string;
}
