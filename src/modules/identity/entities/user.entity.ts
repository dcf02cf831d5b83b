import type { WorkingLanguage } from '../../councils/entities/council.entity.js';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person who signs in. Roles in councils are in council_roles; `isAdmin` is the system administrator. */
@Entity('users')
@Index('users_email_key', ['email'], { unique: true })
@Check('users_email_lowercase', `email = lower(email) AND email ~ '^[^@\\\\s]+@[^@\\\\s]+$'`)
@Check('users_full_name_not_blank', `btrim(full_name) <> ''`)
@Check('users_language_known', `preferred_language IN ('es','en','fr','pt')`)
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') fullName: string;
  @Column('text', { nullable: true }) passwordHash: string | null;
  @Column('boolean', { default: false }) isAdmin: boolean;
  @Column('text', { default: 'en' }) preferredLanguage: WorkingLanguage;
  @Column('text', { default: 'UTC' }) timeZone: string;
  @Column('timestamptz', { nullable: true }) disabledAt: Date | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
