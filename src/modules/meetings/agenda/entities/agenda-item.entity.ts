import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Participant } from '../../../participants/entities/participant.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';

export const AGENDA_ITEM_PURPOSES = ['decision', 'discussion', 'information', 'aob'] as const;
export type AgendaItemPurpose = (typeof AGENDA_ITEM_PURPOSES)[number];
export const AGENDA_ITEM_STATUSES = ['scheduled', 'withdrawn', 'carried_forward'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];
/** The statuses a client may set (carried_forward is set by carrying the item forward). */
export const SETTABLE_AGENDA_ITEM_STATUSES = ['scheduled', 'withdrawn'] as const satisfies readonly AgendaItemStatus[];

/** A document attached to an agenda item. */
export interface AgendaDocument {
  title: string;
  url: string;
}

/** One item of a meeting's agenda, at a position unique in the meeting (checked at commit, so reordering works in one transaction). */
@Entity('agenda_items')
@Unique('agenda_items_meeting_position_key', ['meetingId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Unique('agenda_items_carried_from_key', ['carriedFromItemId'])
@Unique('agenda_items_id_meeting_council_key', ['id', 'meetingId', 'councilId'])
@Index('agenda_items_presenter_idx', ['presenterParticipantId'])
@Check('agenda_items_position_positive', `position > 0`)
@Check('agenda_items_title_shape', `jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb`)
@Check('agenda_items_purpose_known', `purpose IN ('decision','discussion','information','aob')`)
@Check('agenda_items_minutes_allotted_positive', `minutes_allotted > 0`)
@Check('agenda_items_documents_shape', `jsonb_typeof(documents) = 'array'`)
@Check('agenda_items_status_known', `status IN ('scheduled','withdrawn','carried_forward')`)
@Check('agenda_items_chair_acceptance_shape', `NOT accepted_by_chair OR supplementary`)
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') meetingId: string;
  @Column('integer') position: number;
  /** Working language → title. */
  @Column('jsonb') title: Record<string, string>;
  @Column('text') purpose: AgendaItemPurpose;
  @Column('uuid', { nullable: true }) presenterParticipantId: string | null;
  @Column('integer', { nullable: true }) minutesAllotted: number | null;
  @Column('boolean', { default: false }) concernsPermanentParticipants: boolean;
  /** Added after the agenda was circulated. */
  @Column('boolean', { default: false }) supplementary: boolean;
  /** Added after the supplementary deadline, with the chair's acceptance. */
  @Column('boolean', { default: false }) acceptedByChair: boolean;
  @Column('jsonb', { default: () => `'[]'` }) documents: AgendaDocument[];
  @Column('text', { default: 'scheduled' }) status: AgendaItemStatus;
  /** The item of an earlier meeting this one carries forward. */
  @Column('uuid', { nullable: true }) carriedFromItemId: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'agenda_items_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  /** Composite key to participants(id, council_id): the presenter is a participant of the same council. */
  @ManyToOne(() => Participant)
  @JoinColumn([
    { name: 'presenter_participant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'agenda_items_presenter_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  presenter?: Participant;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_item_id', foreignKeyConstraintName: 'agenda_items_carried_from_fkey' })
  carriedFrom?: AgendaItem;
}
