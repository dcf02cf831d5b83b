import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A participant leading a body over a period of days (PostgreSQL daterange, e.g. "[2026-01-01,2027-01-01)"). */
@Entity('body_leads')
export class BodyLead {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') bodyId: string;
  @Column('uuid') participantId: string;
  @Column('daterange') period: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
