import { Column, Entity, PrimaryColumn } from 'typeorm';

export const MEETING_KINDS = ['ministerial', 'senior_officials', 'working_group', 'extraordinary'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Deadlines of one meeting kind in one council, in days before the meeting. */
@Entity('council_meeting_rules')
export class CouncilMeetingRule {
  @PrimaryColumn('uuid') councilId: string;
  @PrimaryColumn('text') meetingKind: MeetingKind;
  @Column('integer') noticeDays: number;
  @Column('integer') agendaDays: number;
  @Column('integer') papersDays: number;
}
