import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';
import { Participant } from '../../participants/entities/participant.entity.js';

/** A participant's people at the council; one per participant. */
@Entity('delegations')
@Unique('delegations_participant_key', ['participantId'])
@Unique('delegations_id_council_key', ['id', 'councilId'])
export class Delegation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') participantId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) contactEmail: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'delegations_participant_fkey' })
  participant?: Participant;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'delegations_council_fkey' })
  council?: Council;
}
