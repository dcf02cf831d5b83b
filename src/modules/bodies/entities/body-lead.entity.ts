import { Check, Column, CreateDateColumn, Entity, Exclusion, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from '../../participants/entities/participant.entity.js';
import { Body } from './body.entity.js';

/** A participant leading a body over a period of days (PostgreSQL daterange, e.g. "[2026-01-01,2027-01-01)"). */
@Entity('body_leads')
@Check('body_leads_period_bounded_below', `NOT isempty(period) AND NOT lower_inf(period)`)
@Exclusion('body_leads_no_overlap', `USING gist (body_id WITH =, participant_id WITH =, period WITH &&)`)
export class BodyLead {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') bodyId: string;
  @Column('uuid') participantId: string;
  @Column('daterange') period: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'body_leads_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'body_leads_participant_fkey' })
  participant?: Participant;
}
