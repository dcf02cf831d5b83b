import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Body } from '../../../bodies/entities/body.entity.js';
import { Council } from '../../../councils/entities/council.entity.js';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { AgendaItem, type AgendaItemPurpose } from '../../agenda/entities/agenda-item.entity.js';

export const BACKLOG_ITEM_STATUSES = ['proposed', 'scheduled', 'withdrawn'] as const;
export type BacklogItemStatus = (typeof BACKLOG_ITEM_STATUSES)[number];

/**
 * An item proposed for a future meeting of a body, by a delegation (or the
 * secretariat), until the secretariat puts it on a meeting's agenda
 * (scheduled, with the agenda item) or the proposer withdraws it. Deleting
 * the agenda item (from a draft agenda) puts it back to proposed (trigger
 * backlog_items_unscheduled).
 */
@Entity('backlog_items')
@Unique('backlog_items_agenda_item_key', ['agendaItemId'])
@Unique('backlog_items_id_council_key', ['id', 'councilId'])
@Index('backlog_items_body_idx', ['bodyId', 'status', 'createdAt'])
@Index('backlog_items_council_idx', ['councilId'])
@Index('backlog_items_delegation_idx', ['proposedByDelegationId'])
@Index('backlog_items_proposed_by_idx', ['proposedBy'])
@Check('backlog_items_title_shape', `jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb`)
@Check('backlog_items_purpose_known', `purpose IN ('decision','discussion','information','aob')`)
@Check('backlog_items_description_not_blank', `btrim(description) <> ''`)
@Check('backlog_items_status_known', `status IN ('proposed','scheduled','withdrawn')`)
@Check('backlog_items_scheduled_shape', `(status = 'scheduled') = (agenda_item_id IS NOT NULL)`)
export class BacklogItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') bodyId: string;
  /** Working language → title. */
  @Column('jsonb') title: Record<string, string>;
  @Column('text') purpose: AgendaItemPurpose;
  @Column('text', { nullable: true }) description: string | null;
  /** The user who proposed it. */
  @Column('uuid', { nullable: true }) proposedBy: string | null;
  /** The delegation it was proposed for; null when the secretariat proposed it. */
  @Column('uuid', { nullable: true }) proposedByDelegationId: string | null;
  @Column('text', { default: 'proposed' }) status: BacklogItemStatus;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'backlog_items_council_fkey' })
  council?: Council;

  /** Composite key to bodies(id, council_id). */
  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'backlog_items_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'backlog_items_proposed_by_fkey' })
  proposer?: User;

  /** Composite key to delegations(id, council_id): a delegation of the same council. */
  @ManyToOne(() => Delegation)
  @JoinColumn([
    { name: 'proposed_by_delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'backlog_items_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'backlog_items_agenda_item_fkey' })
  agendaItem?: AgendaItem;
}
