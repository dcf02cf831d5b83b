import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Body } from '../../bodies/entities/body.entity.js';
import { Council } from '../../councils/entities/council.entity.js';
import { User } from '../../identity/entities/user.entity.js';
import { AgendaItem } from '../../meetings/agenda/entities/agenda-item.entity.js';
import { Meeting } from '../../meetings/entities/meeting.entity.js';

/**
 * A progress report: the council's (or a body's) action items as they stood
 * when the secretariat produced it for a meeting — a JSON snapshot and a
 * print-friendly HTML document in the council's first working language.
 */
@Entity('progress_reports')
@Index('progress_reports_council_created_idx', ['councilId', 'createdAt'])
@Index('progress_reports_meeting_idx', ['meetingId'], { where: 'meeting_id IS NOT NULL' })
@Check('progress_reports_language_known', `language IN ('es','en','fr','pt')`)
@Check('progress_reports_title_not_blank', `btrim(title) <> ''`)
@Check('progress_reports_snapshot_shape', `jsonb_typeof(snapshot) = 'object'`)
@Check('progress_reports_html_not_blank', `btrim(html) <> ''`)
@Check('progress_reports_agenda_item_needs_meeting', `agenda_item_id IS NULL OR meeting_id IS NOT NULL`)
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid', { nullable: true }) bodyId: string | null;
  @Column('uuid', { nullable: true }) meetingId: string | null;
  /** The agenda item it was attached to as a document, if any. */
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @Column('text') language: string;
  @Column('text') title: string;
  @Column('jsonb') snapshot: Record<string, unknown>;
  @Column('text') html: string;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'progress_reports_council_fkey' })
  council?: Council;

  /** Composite key to bodies(id, council_id). */
  @ManyToOne(() => Body)
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'progress_reports_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting)
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'progress_reports_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'progress_reports_agenda_item_fkey' })
  agendaItem?: AgendaItem;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'progress_reports_created_by_fkey' })
  creator?: User;
}
