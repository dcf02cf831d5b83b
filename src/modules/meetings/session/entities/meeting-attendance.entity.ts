import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';

export const REPRESENTED_BY = ['head', 'alternate', 'adviser'] as const;
export type RepresentedBy = (typeof REPRESENTED_BY)[number];

/** Whether a delegation attends a meeting, and who represents it. */
@Entity('meeting_attendance')
@Index('meeting_attendance_delegation_idx', ['delegationId'])
@Check('meeting_attendance_represented_by_known', `represented_by IN ('head','alternate','adviser')`)
@Check('meeting_attendance_absent_unrepresented', `present OR represented_by IS NULL`)
export class MeetingAttendance {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'meeting_attendance_pkey' }) meetingId: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'meeting_attendance_pkey' }) delegationId: string;
  @Column('uuid') councilId: string;
  @Column('boolean') present: boolean;
  @Column('text', { nullable: true }) representedBy: RepresentedBy | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_attendance_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  /** Composite key to delegations(id, council_id): a delegation of the same council. */
  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_attendance_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;
}
