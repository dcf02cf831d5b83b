import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Body } from '../../bodies/entities/body.entity.js';
import { Council } from '../../councils/entities/council.entity.js';
import { Delegation } from '../../delegations/entities/delegation.entity.js';
import { User } from '../../identity/entities/user.entity.js';
import { Decision } from '../../meetings/session/entities/decision.entity.js';
import { Meeting } from '../../meetings/entities/meeting.entity.js';
import { Recommendation } from '../../recommendations/entities/recommendation.entity.js';

export const ACTION_ITEM_STATUSES = ['open', 'acknowledged', 'in_progress', 'blocked', 'done', 'verified', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Statuses in which the owner still has work to do: the "open" lists, reminders, overdue. */
export const OPEN_STATUSES = ['open', 'acknowledged', 'in_progress', 'blocked'] as const satisfies readonly ActionItemStatus[];
export const OWNER_KINDS = ['delegation', 'body', 'presidency'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SOURCE_KINDS = ['decision', 'meeting', 'recommendation', 'none'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

const OPEN = `status IN ('open','acknowledged','in_progress','blocked')`;

/**
 * What someone must do: owned by a delegation, a body, or the presidency (its
 * holder's delegation in owner_delegation_id, moved by the handover), due on a
 * calendar day of the council's time zone. Overdue is derived, never stored.
 */
@Entity('action_items')
@Unique('action_items_id_council_key', ['id', 'councilId'])
@Index('action_items_delegation_open_due_idx', ['ownerDelegationId', 'dueDate', 'id'], { where: OPEN })
@Index('action_items_delegation_due_idx', ['ownerDelegationId', 'dueDate', 'id'])
@Index('action_items_body_due_idx', ['ownerBodyId', 'dueDate', 'id'])
@Index('action_items_council_open_due_idx', ['councilId', 'dueDate', 'id'], { where: OPEN })
@Index('action_items_council_due_idx', ['councilId', 'dueDate', 'id'])
@Index('action_items_meeting_due_idx', ['meetingId', 'dueDate', 'id'])
@Index('action_items_decision_idx', ['decisionId'])
@Index('action_items_recommendation_status_idx', ['recommendationId', 'status'])
@Index('action_items_council_status_due_idx', ['councilId', 'status', 'dueDate'])
@Index('action_items_delegation_status_due_idx', ['ownerDelegationId', 'status', 'dueDate'])
@Index('action_items_presidency_open_idx', ['councilId'], { where: `owner_kind = 'presidency' AND ${OPEN}` })
@Index('action_items_owner_user_idx', ['ownerUserId'], { where: `owner_user_id IS NOT NULL` })
@Check('action_items_title_shape', `jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb`)
@Check('action_items_description_shape', `description IS NULL OR (jsonb_typeof(description) = 'object' AND description <> '{}'::jsonb)`)
@Check('action_items_owner_kind_known', `owner_kind IN ('delegation','body','presidency')`)
@Check(
  'action_items_owner_shape',
  `(owner_kind IN ('delegation','presidency') AND owner_delegation_id IS NOT NULL AND owner_body_id IS NULL) OR (owner_kind = 'body' AND owner_body_id IS NOT NULL AND owner_delegation_id IS NULL)`,
)
@Check('action_items_priority_known', `priority IN ('low','normal','high','urgent')`)
@Check('action_items_source_kind_known', `source_kind IN ('decision','meeting','recommendation','none')`)
@Check(
  'action_items_source_shape',
  `(source_kind = 'none' AND decision_id IS NULL AND meeting_id IS NULL) OR (source_kind = 'decision' AND decision_id IS NOT NULL) OR (source_kind = 'meeting' AND decision_id IS NULL AND meeting_id IS NOT NULL) OR (source_kind = 'recommendation' AND recommendation_id IS NOT NULL AND decision_id IS NULL AND meeting_id IS NULL)`,
)
@Check('action_items_target_shape', `(target_value IS NULL AND target_unit IS NULL) OR (target_value > 0 AND btrim(target_unit) <> '')`)
@Check('action_items_status_known', `status IN ('open','acknowledged','in_progress','blocked','done','verified','cancelled')`)
@Check('action_items_acknowledged_shape', `status = 'cancelled' OR (status = 'open') = (acknowledged_at IS NULL)`)
@Check('action_items_done_shape', `status = 'cancelled' OR (status IN ('done','verified')) = (done_at IS NOT NULL)`)
@Check('action_items_verified_shape', `(status = 'verified') = (verified_at IS NOT NULL)`)
@Check(
  'action_items_cancelled_shape',
  `(status = 'cancelled') = (cancelled_at IS NOT NULL) AND (status = 'cancelled') = (cancel_reason IS NOT NULL) AND (cancel_decision_id IS NULL OR status = 'cancelled')`,
)
@Check('action_items_cancel_reason_not_blank', `btrim(cancel_reason) <> ''`)
@Check('action_items_progress_percent_range', `progress_percent BETWEEN 0 AND 100`)
@Check('action_items_progress_rag_known', `progress_rag IN ('red','amber','green')`)
@Check('action_items_carry_over_shape', `carry_over_tag IS NULL OR carried_over`)
export class ActionItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  /** Working language → text (at least one). */
  @Column('jsonb') title: Record<string, string>;
  @Column('jsonb', { nullable: true }) description: Record<string, string> | null;
  @Column('text') ownerKind: OwnerKind;
  /** The owning delegation; for owner_kind 'presidency', the current holder's delegation. */
  @Column('uuid', { nullable: true }) ownerDelegationId: string | null;
  @Column('uuid', { nullable: true }) ownerBodyId: string | null;
  /** The person in charge (optional). */
  @Column('uuid', { nullable: true }) ownerUserId: string | null;
  /** A calendar day (YYYY-MM-DD) of the council's time zone. */
  @Column('date') dueDate: string;
  @Column('text', { default: 'normal' }) priority: Priority;
  @Column('text', { default: 'none' }) sourceKind: SourceKind;
  @Column('uuid', { nullable: true }) decisionId: string | null;
  /** The source meeting, or the meeting where the source decision was taken (none for a decision taken in writing). */
  @Column('uuid', { nullable: true }) meetingId: string | null;
  /** The recommendation the item serves (the source when source_kind is 'recommendation'). */
  @Column('uuid', { nullable: true }) recommendationId: string | null;
  @Column('numeric', { nullable: true }) targetValue: string | null;
  @Column('text', { nullable: true }) targetUnit: string | null;
  @Column('text', { default: 'open' }) status: ActionItemStatus;
  @Column('timestamptz', { nullable: true }) acknowledgedAt: Date | null;
  @Column('timestamptz', { nullable: true }) doneAt: Date | null;
  @Column('timestamptz', { nullable: true }) verifiedAt: Date | null;
  @Column('uuid', { nullable: true }) verifiedBy: string | null;
  @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Column('text', { nullable: true }) cancelReason: string | null;
  /** The adopted decision that cancelled the item, if any. */
  @Column('uuid', { nullable: true }) cancelDecisionId: string | null;
  /** The latest progress update's figures (denormalised). */
  @Column('integer', { nullable: true }) progressPercent: number | null;
  @Column('text', { nullable: true }) progressRag: Rag | null;
  @Column('timestamptz', { nullable: true }) progressAt: Date | null;
  /** Carried over to a new presidency term (or meeting), with a tag naming it. */
  @Column('boolean', { default: false }) carriedOver: boolean;
  @Column('text', { nullable: true }) carryOverTag: string | null;
  @Column('integer', { default: 1 }) version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'action_items_council_fkey' })
  council?: Council;

  /** Composite key to delegations(id, council_id). */
  @ManyToOne(() => Delegation)
  @JoinColumn([
    { name: 'owner_delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_items_owner_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  ownerDelegation?: Delegation;

  /** Composite key to bodies(id, council_id). */
  @ManyToOne(() => Body)
  @JoinColumn([
    { name: 'owner_body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_items_owner_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  ownerBody?: Body;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'action_items_owner_user_fkey' })
  ownerUser?: User;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision)
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_items_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting)
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_items_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  /** recommendations has no (id, council_id) key: the service checks the council. */
  @ManyToOne(() => Recommendation)
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'action_items_recommendation_fkey' })
  recommendation?: Recommendation;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision)
  @JoinColumn([
    { name: 'cancel_decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_items_cancel_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  cancelDecision?: Decision;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'action_items_verified_by_fkey' })
  verifier?: User;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'action_items_created_by_fkey' })
  creator?: User;
}
