import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Body } from '../../bodies/entities/body.entity.js';
import type { MeetingKind } from '../../councils/entities/council-meeting-rule.entity.js';
import { Council } from '../../councils/entities/council.entity.js';
import { Participant } from '../../participants/entities/participant.entity.js';
import { MeetingSeries } from '../series/entities/meeting-series.entity.js';

export const MEETING_STATUSES = [
  'draft',
  'convened',
  'agenda_circulated',
  'in_session',
  'closed',
  'minutes_circulated',
  'minutes_approved',
  'postponed',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A meeting of the council (body_id null) or of one of its bodies, hosted (optionally) by a member state of the same council. */
@Entity('meetings')
@Unique('meetings_id_council_key', ['id', 'councilId']) // added by the agenda migration (1763900400000)
@Unique('meetings_series_occurrence_key', ['seriesId', 'occurrenceDate']) // added by the series migration (1763900900000)
@Index('meetings_council_starts_idx', ['councilId', 'startsAt'])
@Index('meetings_body_starts_idx', ['bodyId', 'startsAt'])
@Check('meetings_kind_known', `kind IN ('ministerial','senior_officials','working_group','extraordinary')`)
@Check(
  'meetings_status_known',
  `status IN ('draft','convened','agenda_circulated','in_session','closed','minutes_circulated','minutes_approved','postponed','cancelled')`,
)
@Check('meetings_title_not_blank', `btrim(title) <> ''`)
@Check('meetings_ends_after_starts', `ends_at > starts_at`)
@Check('meetings_host_kind_member_state', `host_kind = 'member_state'`)
@Check('meetings_online_url_format', `online_url ~ '^https?://'`)
@Check('meetings_convened_has_time', `status IN ('draft','cancelled') OR convened_at IS NOT NULL`)
@Check('meetings_consent_shape', `NOT consent_recorded OR (kind = 'extraordinary' AND consent_note IS NOT NULL)`)
@Check('meetings_series_occurrence_shape', `(series_id IS NULL) = (occurrence_date IS NULL)`)
@Check('meetings_closed_after_opened', `closed_at >= opened_at`)
export class Meeting {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid', { nullable: true }) bodyId: string | null;
  @Column('text') kind: MeetingKind;
  @Column('text') title: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  /** IANA zone the meeting is held in. */
  @Column('text') timeZone: string;
  @Column('text', { nullable: true }) venue: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  @Column('uuid', { nullable: true }) hostParticipantId: string | null;
  @Column('text', { default: 'member_state' }) hostKind: 'member_state';
  @Column('text', { default: 'draft' }) status: MeetingStatus;
  @Column('timestamptz', { nullable: true }) convenedAt: Date | null;
  /** An extraordinary meeting convened at shorter notice than the rules require, with the body's consent. */
  @Column('boolean', { default: false }) consentRecorded: boolean;
  @Column('text', { nullable: true }) consentNote: string | null;
  /** An occurrence of a meeting series: the series and the date its rule gave (kept when the occurrence is moved). */
  @Column('uuid', { nullable: true }) seriesId: string | null;
  @Column('date', { nullable: true }) occurrenceDate: string | null;
  /** When the session really opened (the transition to in_session) and closed: the planned times are startsAt / endsAt. */
  @Column('timestamptz', { nullable: true }) openedAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'meetings_council_fkey' })
  council?: Council;

  /** Composite key to bodies(id, council_id): the body belongs to the same council. */
  @ManyToOne(() => Body)
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meetings_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;

  /** Composite key to participants(id, council_id, kind): the host is a member state of the same council. */
  @ManyToOne(() => Participant)
  @JoinColumn([
    { name: 'host_participant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meetings_host_is_member_state_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
    { name: 'host_kind', referencedColumnName: 'kind' },
  ])
  host?: Participant;

  /** Composite key to meeting_series(id, council_id): the series belongs to the same council. */
  @ManyToOne(() => MeetingSeries)
  @JoinColumn([
    { name: 'series_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meetings_series_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  series?: MeetingSeries;
}
