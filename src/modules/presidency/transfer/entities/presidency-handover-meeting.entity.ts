import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { Meeting } from '../../../meetings/entities/meeting.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

/**
 * The meeting designated, before it is held, as the handover meeting of a term (one per term, one term per
 * meeting). When it closes, the presidency passes at the instant it closed, both terms' boundary moving.
 */
@Entity('presidency_handover_meetings')
@Unique('presidency_handover_meetings_meeting_key', ['meetingId'])
@Index('presidency_handover_meetings_council_idx', ['councilId'])
export class PresidencyHandoverMeeting {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'presidency_handover_meetings_pkey' }) termId: string;
  @Column('uuid') councilId: string;
  @Column('uuid') meetingId: string;
  @Column('timestamptz', { default: () => 'now()' }) designatedAt: Date;
  @Column('uuid', { nullable: true }) designatedBy: string | null;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id', foreignKeyConstraintName: 'presidency_handover_meetings_term_fkey' })
  term?: PresidencyTerm;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_handover_meetings_council_fkey' })
  council?: Council;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_handover_meetings_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'designated_by', foreignKeyConstraintName: 'presidency_handover_meetings_designated_by_fkey' })
  designator?: User;
}
