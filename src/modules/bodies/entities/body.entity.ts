import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';

export const BODY_KINDS = ['working_group', 'task_force', 'thematic_network'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_STATUSES = ['active', 'closed'] as const;
export type BodyStatus = (typeof BODY_STATUSES)[number];

@Entity('bodies')
@Unique('bodies_id_council_key', ['id', 'councilId'])
@Index('bodies_council_name_key', { synchronize: false })
@Check('bodies_kind_known', `kind IN ('working_group','task_force','thematic_network')`)
@Check('bodies_status_known', `status IN ('active','closed')`)
@Check('bodies_name_not_blank', `btrim(name) <> ''`)
@Check('bodies_task_force_has_mandate_end', `kind <> 'task_force' OR mandate_end IS NOT NULL`)
@Check('bodies_mandate_order', `mandate_start IS NULL OR mandate_end IS NULL OR mandate_start < mandate_end`)
export class Body {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text') kind: BodyKind;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Calendar dates as YYYY-MM-DD strings. */
  @Column('date', { nullable: true }) mandateStart: string | null;
  @Column('date', { nullable: true }) mandateEnd: string | null;
  @Column('text', { default: 'active' }) status: BodyStatus;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'bodies_council_id_fkey' })
  council?: Council;
}
