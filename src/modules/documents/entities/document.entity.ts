import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';
import { User } from '../../identity/entities/user.entity.js';
import { AgendaItem } from '../../meetings/agenda/entities/agenda-item.entity.js';
import { BacklogItem } from '../../meetings/backlog/entities/backlog-item.entity.js';
import { Meeting } from '../../meetings/entities/meeting.entity.js';
import { Minutes } from '../../meetings/minutes/entities/minutes.entity.js';
import { Decision } from '../../meetings/session/entities/decision.entity.js';

export const DOCUMENT_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
/**
 * 'members': the council's delegates and secretariat; 'member_states': only member states' delegations (not
 * permanent participants nor observers) and the secretariat; 'public': as 'members', and anyone once the
 * meeting's documents are published.
 */
export const DOCUMENT_VISIBILITIES = ['members', 'member_states', 'public'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];
export const DOCUMENT_OWNER_KINDS = ['agenda_item', 'backlog_item', 'minutes', 'silence_procedure'] as const;
export type DocumentOwnerKind = (typeof DOCUMENT_OWNER_KINDS)[number];

/**
 * A paper in one language on exactly one owner (an agenda item with its meeting, a backlog item, minutes or a
 * silence procedure), one per owner and language. Its uploads are its versions; `currentVersion` is shown.
 */
@Entity('documents')
@Unique('documents_id_council_key', ['id', 'councilId'])
@Unique('documents_agenda_item_language_key', ['agendaItemId', 'language'])
@Unique('documents_backlog_item_language_key', ['backlogItemId', 'language'])
@Unique('documents_minutes_language_key', ['minutesId', 'language'])
@Unique('documents_decision_language_key', ['decisionId', 'language'])
@Index('documents_meeting_idx', ['meetingId'])
@Index('documents_council_idx', ['councilId'])
@Check('documents_one_owner', `num_nonnulls(agenda_item_id, backlog_item_id, minutes_id, decision_id) = 1`)
@Check('documents_agenda_item_has_meeting', `agenda_item_id IS NULL OR meeting_id IS NOT NULL`)
@Check('documents_language_known', `language IN ('es','en','fr','pt')`)
@Check('documents_title_shape', `btrim(title) <> '' AND char_length(title) <= 300`)
@Check('documents_visibility_known', `visibility IN ('members','member_states','public')`)
@Check('documents_current_version_positive', `current_version > 0`)
export class Document {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  /** The meeting of the agenda item (or of the minutes), for listing a meeting's papers. */
  @Column('uuid', { nullable: true }) meetingId: string | null;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @Column('uuid', { nullable: true }) backlogItemId: string | null;
  @Column('uuid', { nullable: true }) minutesId: string | null;
  /** A silence procedure: a written decision. */
  @Column('uuid', { nullable: true }) decisionId: string | null;
  @Column('text') language: DocumentLanguage;
  @Column('text') title: string;
  @Column('text', { default: 'members' }) visibility: DocumentVisibility;
  @Column('integer') currentVersion: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'documents_council_fkey' })
  council?: Council;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'documents_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  /** Composite key to agenda_items(id, meeting_id, council_id): the item is of this meeting and council. */
  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'agenda_item_id', referencedColumnName: 'id', foreignKeyConstraintName: 'documents_agenda_item_fkey' },
    { name: 'meeting_id', referencedColumnName: 'meetingId' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  agendaItem?: AgendaItem;

  @ManyToOne(() => BacklogItem, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'backlog_item_id', referencedColumnName: 'id', foreignKeyConstraintName: 'documents_backlog_item_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  backlogItem?: BacklogItem;

  @ManyToOne(() => Minutes, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'minutes_id', referencedColumnName: 'id', foreignKeyConstraintName: 'documents_minutes_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  minutes?: Minutes;

  @ManyToOne(() => Decision, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'documents_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'documents_created_by_fkey' })
  creator?: User;
}
