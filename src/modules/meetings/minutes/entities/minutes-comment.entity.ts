import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity.js';
import { Minutes } from './minutes.entity.js';

/** A delegation's comment on circulated minutes (on the whole, or on one agenda item), written by one of its delegates. */
@Entity('minutes_comments')
@Index('minutes_comments_minutes_idx', ['minutesId', 'createdAt'])
@Index('minutes_comments_delegation_idx', ['delegationId'])
@Index('minutes_comments_agenda_item_idx', ['agendaItemId'])
@Check('minutes_comments_text_not_blank', `btrim(text) <> ''`)
@Check('minutes_comments_text_length', `char_length(text) <= 4000`)
export class MinutesComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') minutesId: string;
  @Column('uuid') delegationId: string;
  @Column('uuid', { nullable: true }) authorId: string | null;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  @Column('text') text: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Composite key to minutes(id, council_id). */
  @ManyToOne(() => Minutes, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'minutes_id', referencedColumnName: 'id', foreignKeyConstraintName: 'minutes_comments_minutes_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  minutes?: Minutes;

  /** Composite key to delegations(id, council_id). */
  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'minutes_comments_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'minutes_comments_author_fkey' })
  author?: User;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'minutes_comments_agenda_item_fkey' })
  agendaItem?: AgendaItem;
}
