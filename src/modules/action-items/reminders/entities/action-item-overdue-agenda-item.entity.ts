import { CreateDateColumn, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { AgendaItem } from '../../../meetings/agenda/entities/agenda-item.entity.js';
import { Meeting } from '../../../meetings/entities/meeting.entity.js';

/** The "Overdue action items" item of a meeting's agenda: one per meeting. */
@Entity('action_item_overdue_agenda_items')
@Unique('action_item_overdue_agenda_items_agenda_item_key', ['agendaItemId'])
export class ActionItemOverdueAgendaItem {
  @PrimaryColumn('uuid') meetingId: string;
  @Column('uuid') councilId: string;
  @Column('uuid') agendaItemId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'action_item_overdue_agenda_items_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'action_item_overdue_agenda_items_agenda_item_fkey' })
  agendaItem?: AgendaItem;
}
