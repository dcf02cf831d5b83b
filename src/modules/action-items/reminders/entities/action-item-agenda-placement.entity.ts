import { CreateDateColumn, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItem } from '../../../meetings/agenda/entities/agenda-item.entity.js';
import { Meeting } from '../../../meetings/entities/meeting.entity.js';
import { ActionItem } from '../../entities/action-item.entity.js';

/** An overdue action item put on a meeting's agenda (under its "Overdue action items" item), for the due date it had then. */
@Entity('action_item_agenda_placements')
@Index('action_item_agenda_placements_meeting_idx', ['meetingId'])
export class ActionItemAgendaPlacement {
  @PrimaryColumn('uuid') actionItemId: string;
  @PrimaryColumn('uuid') meetingId: string;
  @Column('uuid') councilId: string;
  /** The "Overdue action items" agenda item (null if the secretariat deleted it since). */
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  /** The item's due date when it was placed: a new due date makes it eligible again. */
  @Column('date') dueDate: string;
  @CreateDateColumn({ type: 'timestamptz' }) placedAt: Date;

  /** Composite key to action_items(id, council_id). */
  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'action_item_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_agenda_placements_item_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  actionItem?: ActionItem;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_agenda_placements_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'action_item_agenda_placements_agenda_item_fkey' })
  agendaItem?: AgendaItem;
}
