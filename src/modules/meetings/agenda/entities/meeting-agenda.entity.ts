import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Meeting } from '../../entities/meeting.entity.js';

export const AGENDA_STATUSES = ['draft', 'circulated', 'adopted'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** The agenda of one meeting: its status, when it was circulated and adopted, and until when supplementary items may be added. */
@Entity('meeting_agendas')
@Check('meeting_agendas_status_known', `status IN ('draft','circulated','adopted')`)
@Check('meeting_agendas_circulated_shape', `status = 'draft' OR (circulated_at IS NOT NULL AND supplementary_deadline IS NOT NULL)`)
@Check('meeting_agendas_adopted_shape', `(status = 'adopted') = (adopted_at IS NOT NULL)`)
export class MeetingAgenda {
  @PrimaryColumn('uuid') meetingId: string;
  @Column('uuid') councilId: string;
  @Column('text', { default: 'draft' }) status: AgendaStatus;
  @Column('timestamptz', { nullable: true }) circulatedAt: Date | null;
  @Column('timestamptz', { nullable: true }) adoptedAt: Date | null;
  /** Fixed at circulation: new items are supplementary until then, and need the chair's acceptance after. */
  @Column('timestamptz', { nullable: true }) supplementaryDeadline: Date | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to meetings(id, council_id): the agenda belongs to a meeting of the same council. */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_agendas_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;
}
