import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

export const DOSSIER_STATUSES = ['open', 'submitted', 'archived'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * The handover dossier of one presidency term (one per term): assembled once, refreshed while open, frozen when
 * submitted (the trigger handover_dossiers_submitted_is_frozen), archived with its term at the transfer.
 */
@Entity('handover_dossiers')
@Unique('handover_dossiers_term_key', ['termId'])
@Unique('handover_dossiers_id_council_key', ['id', 'councilId'])
@Check('handover_dossiers_status_known', `status IN ('open','submitted','archived')`)
@Check('handover_dossiers_content_shape', `jsonb_typeof(content) = 'object'`)
@Check('handover_dossiers_open_shape', `status <> 'open' OR (submitted_at IS NULL AND archived_at IS NULL)`)
@Check('handover_dossiers_submitted_shape', `status <> 'submitted' OR submitted_at IS NOT NULL`)
@Check('handover_dossiers_archived_shape', `(status = 'archived') = (archived_at IS NOT NULL)`)
export class HandoverDossier {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') termId: string;
  @Column('text', { default: 'open' }) status: DossierStatus;
  @Column('jsonb') content: Record<string, unknown>;
  @Column('timestamptz') generatedAt: Date;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('uuid', { nullable: true }) submittedBy: string | null;
  @Column('timestamptz', { nullable: true }) archivedAt: Date | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'handover_dossiers_council_fkey' })
  council?: Council;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id', foreignKeyConstraintName: 'handover_dossiers_term_fkey' })
  term?: PresidencyTerm;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'handover_dossiers_submitted_by_fkey' })
  submitter?: User;
}
