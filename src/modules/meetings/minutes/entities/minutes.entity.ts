import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { User } from '../../../identity/entities/user.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';
import type { MinutesContent } from '../minutes-content.js';

export const MINUTES_STATUSES = ['draft', 'circulated', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/**
 * The minutes of one meeting: drafted from the closed meeting, circulated for
 * comments until a deadline, approved (then public and final: a trigger,
 * minutes_approved_is_final, refuses any change to approved minutes).
 */
@Entity('minutes')
@Unique('minutes_meeting_key', ['meetingId'])
@Unique('minutes_id_council_key', ['id', 'councilId'])
@Index('minutes_council_approved_idx', ['councilId', 'approvedAt'], { where: `status = 'approved'` })
@Check('minutes_status_known', `status IN ('draft','circulated','approved')`)
@Check('minutes_content_shape', `jsonb_typeof(content) = 'object'`)
@Check('minutes_draft_shape', `status <> 'draft' OR (circulated_at IS NULL AND comment_deadline IS NULL)`)
@Check('minutes_circulated_shape', `status = 'draft' OR (circulated_at IS NOT NULL AND comment_deadline IS NOT NULL)`)
@Check('minutes_approved_shape', `(status = 'approved') = (approved_at IS NOT NULL)`)
@Check('minutes_deadline_after_circulation', `comment_deadline > circulated_at`)
@Check('minutes_approved_after_circulation', `approved_at >= circulated_at`)
export class Minutes {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') meetingId: string;
  @Column('text', { default: 'draft' }) status: MinutesStatus;
  /** Attendance, agenda items with their decisions, summaries per item and notes per working language. */
  @Column('jsonb') content: MinutesContent;
  /** Comments are taken until then (set at circulation). */
  @Column('timestamptz', { nullable: true }) commentDeadline: Date | null;
  @Column('timestamptz', { nullable: true }) circulatedAt: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('uuid', { nullable: true }) approvedBy: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'minutes_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'minutes_approved_by_fkey' })
  approver?: User;
}
