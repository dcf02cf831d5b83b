import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Delegation } from './delegation.entity.js';
import type { WorkingLanguage } from '../../councils/entities/council.entity.js';

export const DELEGATE_ROLES = ['head', 'alternate', 'adviser'] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];

@Entity('delegates')
@Unique('delegates_id_council_key', ['id', 'councilId'])
@Index('delegates_one_head_per_delegation', ['delegationId'], { unique: true, where: `role = 'head' AND active` })
@Index('delegates_delegation_email_key', { synchronize: false })
@Index('delegates_council_idx', ['councilId'])
@Check('delegates_role_known', `role IN ('head','alternate','adviser')`)
@Check('delegates_language_known', `preferred_language IN ('es','en','fr','pt')`)
@Check('delegates_full_name_not_blank', `btrim(full_name) <> ''`)
@Check('delegates_email_format', `email ~ '^[^@\\s]+@[^@\\s]+$'`)
export class Delegate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') delegationId: string;
  @Column('text') fullName: string;
  @Column('text') email: string;
  @Column('text') role: DelegateRole;
  @Column('text', { default: 'en' }) preferredLanguage: WorkingLanguage;
  @Column('text', { default: 'UTC' }) timeZone: string;
  @Column('boolean', { default: true }) active: boolean;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'delegates_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;
}
