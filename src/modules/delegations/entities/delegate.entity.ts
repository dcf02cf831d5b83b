import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WorkingLanguage } from '../../councils/entities/council.entity.js';

export const DELEGATE_ROLES = ['head', 'alternate', 'adviser'] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];

@Entity('delegates')
export class Delegate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') delegationId: string;
  @Column('text') fullName: string;
  @Column('text') email: string;
  @Column('text') role: DelegateRole;
  @Column('text') preferredLanguage: WorkingLanguage;
  @Column('text') timeZone: string;
  @Column('boolean') active: boolean;
  @Column('integer') version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
