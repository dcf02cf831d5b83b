import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One state change: append-only (a trigger refuses UPDATE and DELETE). */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid', { nullable: true }) councilId: string | null;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('uuid', { nullable: true }) actorDelegationId: string | null;
  @Column('text') action: string;
  @Column('text') entityType: string;
  @Column('text') entityId: string;
  @Column('jsonb', { nullable: true }) before: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after: Record<string, unknown> | null;
  @Column('text', { nullable: true }) requestId: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
