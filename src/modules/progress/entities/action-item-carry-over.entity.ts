import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ActionItem } from '../../action-items/entities/action-item.entity.js';
import { Meeting } from '../../meetings/entities/meeting.entity.js';

/**
 * An action item carried over with a meeting's leftover agenda: it keeps its
 * source meeting and its history, and is listed with the next meeting's items too.
 */
@Entity('action_item_carry_overs')
@Unique('action_item_carry_overs_item_meeting_key', ['actionItemId', 'toMeetingId'])
@Index('action_item_carry_overs_to_meeting_idx', ['toMeetingId', 'actionItemId'])
@Check('action_item_carry_overs_distinct_meetings', `from_meeting_id <> to_meeting_id`)
export class ActionItemCarryOver {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') actionItemId: string;
  @Column('uuid') fromMeetingId: string;
  @Column('uuid') toMeetingId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Composite key to action_items(id, council_id). */
  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'action_item_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_carry_overs_item_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  actionItem?: ActionItem;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'from_meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_carry_overs_from_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  fromMeeting?: Meeting;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'to_meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_carry_overs_to_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  toMeeting?: Meeting;
}
