import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Council } from './council.entity.js';

export const MEETING_KINDS = ['ministerial', 'senior_officials', 'working_group', 'extraordinary'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Deadlines of one meeting kind in one council, in days before the meeting. */
@Entity('council_meeting_rules')
@Check('council_meeting_rules_kind_known', `meeting_kind IN ('ministerial','senior_officials','working_group','extraordinary')`)
@Check('council_meeting_rules_days_range', `notice_days BETWEEN 0 AND 730 AND agenda_days BETWEEN 0 AND notice_days AND papers_days BETWEEN 0 AND 730`)
export class CouncilMeetingRule {
  @PrimaryColumn('uuid') councilId: string;
  @PrimaryColumn('text') meetingKind: MeetingKind;
  @Column('integer') noticeDays: number;
  @Column('integer') agendaDays: number;
  @Column('integer') papersDays: number;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'council_meeting_rules_council_id_fkey' })
  council?: Council;
}
