import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Body } from '../../../bodies/entities/body.entity.js';
import type { MeetingKind } from '../../../councils/entities/council-meeting-rule.entity.js';
import { Council } from '../../../councils/entities/council.entity.js';
import type { RecurrenceFrequency, Weekday } from '../recurrence.js';

export const SERIES_STATUSES = ['active', 'ended'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

/**
 * A body (or the council) meeting regularly: a recurrence rule from a first
 * date until a date or for a number of occurrences, at a local start time in
 * an IANA zone. Its occurrences are meetings (meetings.series_id, occurrence_date).
 */
@Entity('meeting_series')
@Unique('meeting_series_id_council_key', ['id', 'councilId'])
@Index('meeting_series_council_idx', ['councilId', 'firstDate'])
@Index('meeting_series_body_idx', ['bodyId'])
@Check('meeting_series_kind_known', `kind IN ('ministerial','senior_officials','working_group','extraordinary')`)
@Check('meeting_series_title_not_blank', `btrim(title) <> ''`)
@Check('meeting_series_duration_range', `duration_minutes BETWEEN 1 AND 1440`)
@Check('meeting_series_online_url_format', `online_url ~ '^https?://'`)
@Check('meeting_series_frequency_known', `frequency IN ('weekly','monthly')`)
@Check('meeting_series_repeat_interval_range', `repeat_interval BETWEEN 1 AND 12`)
@Check('meeting_series_weekday_known', `weekday IN ('MO','TU','WE','TH','FR','SA','SU')`)
@Check(
  'meeting_series_week_of_month_shape',
  `(frequency = 'monthly') = (week_of_month IS NOT NULL) AND (week_of_month IS NULL OR week_of_month IN (1,2,3,4,-1))`,
)
@Check('meeting_series_end_shape', `num_nonnulls(until_date, occurrence_count) = 1`)
@Check('meeting_series_until_after_first', `until_date >= first_date`)
@Check('meeting_series_count_range', `occurrence_count BETWEEN 1 AND 60`)
@Check('meeting_series_status_known', `status IN ('active','ended')`)
@Check('meeting_series_ended_shape', `(status = 'ended') = (ended_at IS NOT NULL)`)
export class MeetingSeries {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid', { nullable: true }) bodyId: string | null;
  @Column('text') kind: MeetingKind;
  @Column('text') title: string;
  /** Wall-clock start in time_zone. */
  @Column('time') localStartTime: string;
  @Column('integer') durationMinutes: number;
  /** IANA zone the series meets in. */
  @Column('text') timeZone: string;
  @Column('text', { nullable: true }) venue: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  @Column('text') frequency: RecurrenceFrequency;
  /** Every n weeks or months. */
  @Column('integer', { default: 1 }) repeatInterval: number;
  @Column('text') weekday: Weekday;
  /** Monthly rules: the nth weekday of the month (1–4, -1 = the last). */
  @Column('integer', { nullable: true }) weekOfMonth: number | null;
  /** Calendar dates as YYYY-MM-DD strings. */
  @Column('date') firstDate: string;
  @Column('date', { nullable: true }) untilDate: string | null;
  @Column('integer', { nullable: true }) occurrenceCount: number | null;
  @Column('text', { default: 'active' }) status: SeriesStatus;
  @Column('timestamptz', { nullable: true }) endedAt: Date | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'meeting_series_council_fkey' })
  council?: Council;

  /** Composite key to bodies(id, council_id): the body belongs to the same council. */
  @ManyToOne(() => Body)
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_series_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;
}
