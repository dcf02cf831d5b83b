import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PARTICIPANT_KINDS = ['member_state', 'permanent_participant', 'observer'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PERMANENT_PARTICIPANT_CATEGORIES = ['migrant_community', 'civil_society', 'indigenous', 'academia', 'private_sector'] as const;
export const OBSERVER_CATEGORIES = ['state', 'intergovernmental', 'financial_institution', 'ngo'] as const;
export const PARTICIPANT_CATEGORIES = [...PERMANENT_PARTICIPANT_CATEGORIES, ...OBSERVER_CATEGORIES] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

@Entity('participants')
export class Participant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') kind: ParticipantKind;
  @Column('text') name: string;
  @Column('char', { length: 2, nullable: true }) isoCode: string | null;
  @Column('text', { nullable: true }) category: ParticipantCategory | null;
  @Column('integer', { nullable: true }) rotationPosition: number | null;
  @Column('text') status: ParticipantStatus;
  @Column('text', { nullable: true }) timeZone: string | null;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
