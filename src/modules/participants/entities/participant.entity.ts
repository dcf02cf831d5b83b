import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';

export const PARTICIPANT_KINDS = ['member_state', 'permanent_participant', 'observer'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PERMANENT_PARTICIPANT_CATEGORIES = ['migrant_community', 'civil_society', 'indigenous', 'academia', 'private_sector'] as const;
export const OBSERVER_CATEGORIES = ['state', 'intergovernmental', 'financial_institution', 'ngo'] as const;
export const PARTICIPANT_CATEGORIES = [...PERMANENT_PARTICIPANT_CATEGORIES, ...OBSERVER_CATEGORIES] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

@Entity('participants')
@Unique('participants_id_council_kind_key', ['id', 'councilId', 'kind'])
@Unique('participants_id_council_key', ['id', 'councilId']) // added by the agenda migration (1763900400000)
@Unique('participants_council_rotation_position_key', ['councilId', 'rotationPosition'], { deferrable: 'INITIALLY DEFERRED' })
@Index('participants_council_iso_code_key', { synchronize: false })
@Index('participants_council_name_key', { synchronize: false })
@Check('participants_kind_known', `kind IN ('member_state','permanent_participant','observer')`)
@Check('participants_status_known', `status IN ('active','suspended','withdrawn')`)
@Check('participants_name_not_blank', `btrim(name) <> ''`)
@Check('participants_iso_code_format', `iso_code ~ '^[A-Z]{2}$'`)
@Check('participants_member_state_shape', `kind <> 'member_state' OR (iso_code IS NOT NULL AND category IS NULL AND rotation_position IS NOT NULL)`)
@Check(
  'participants_permanent_participant_shape',
  `kind <> 'permanent_participant' OR (iso_code IS NULL AND rotation_position IS NULL AND category IN ('migrant_community','civil_society','indigenous','academia','private_sector'))`,
)
@Check(
  'participants_observer_shape',
  `kind <> 'observer' OR (rotation_position IS NULL AND category IN ('state','intergovernmental','financial_institution','ngo') AND (iso_code IS NULL OR category = 'state'))`,
)
@Check('participants_rotation_position_positive', `rotation_position > 0`)
export class Participant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') kind: ParticipantKind;
  @Column('text') name: string;
  @Column('char', { length: 2, nullable: true }) isoCode: string | null;
  @Column('text', { nullable: true }) category: ParticipantCategory | null;
  @Column('integer', { nullable: true }) rotationPosition: number | null;
  @Column('text', { default: 'active' }) status: ParticipantStatus;
  @Column('text', { nullable: true }) timeZone: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'participants_council_id_fkey' })
  council?: Council;
}
