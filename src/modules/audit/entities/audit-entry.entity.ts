import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One state change: append-only (a trigger refuses UPDATE and DELETE). */
@Entity('audit_log')
@Index('audit_log_council_at_idx', { synchronize: false })
@Index('audit_log_entity_idx', ['entityType', 'entityId'])
@Index('audit_log_council_id_idx', { synchronize: false })
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
