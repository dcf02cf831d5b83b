import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity.js';
import { ActionItem, type ActionItemStatus, type Rag } from './action-item.entity.js';

/** 'carry_over': carried over with a meeting's leftover agenda (migration 1763901200000-progress-reports). */
export const UPDATE_KINDS = ['progress', 'transition', 'reassignment', 'carry_over'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

const STATUSES = `'open','acknowledged','in_progress','blocked','done','verified','cancelled'`;

/** The history of an action item: progress reports, status changes (with their reason) and reassignments. */
@Entity('action_item_updates')
@Index('action_item_updates_item_idx', ['actionItemId', 'id'])
@Check('action_item_updates_kind_known', `kind IN ('progress','transition','reassignment','carry_over')`)
@Check('action_item_updates_text_not_blank', `btrim(text) <> ''`)
@Check('action_item_updates_percent_range', `percent BETWEEN 0 AND 100`)
@Check('action_item_updates_rag_known', `rag IN ('red','amber','green')`)
@Check('action_item_updates_attachment_url_format', `attachment_url ~ '^https?://[^\\s]+$'`)
@Check('action_item_updates_status_known', `status_from IN (${STATUSES}) AND status_to IN (${STATUSES})`)
@Check(
  'action_item_updates_shape',
  `(kind = 'transition') = (status_from IS NOT NULL AND status_to IS NOT NULL) AND (kind <> 'transition' OR status_from <> status_to) AND (kind <> 'progress' OR text IS NOT NULL) AND (kind <> 'reassignment' OR text IS NOT NULL)`,
)
export class ActionItemUpdate {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') actionItemId: string;
  @Column('text') kind: UpdateKind;
  @Column('text', { nullable: true }) text: string | null;
  @Column('integer', { nullable: true }) percent: number | null;
  @Column('text', { nullable: true }) rag: Rag | null;
  @Column('text', { nullable: true }) attachmentUrl: string | null;
  @Column('text', { nullable: true }) statusFrom: ActionItemStatus | null;
  @Column('text', { nullable: true }) statusTo: ActionItemStatus | null;
  @Column('uuid', { nullable: true }) authorId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Composite key to action_items(id, council_id). */
  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'action_item_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_updates_item_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  actionItem?: ActionItem;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'action_item_updates_author_fkey' })
  author?: User;
}
