import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

export const PRIORITY_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

/** One of a chair's priorities for its term: a title per working language, a status, notes. Part of the handover dossier. */
@Entity('presidency_priorities')
@Index('presidency_priorities_term_idx', ['termId', 'createdAt'])
@Check('presidency_priorities_title_shape', `jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb`)
@Check('presidency_priorities_status_known', `status IN ('planned','in_progress','achieved','dropped')`)
@Check('presidency_priorities_notes_not_blank', `btrim(notes) <> '' AND char_length(notes) <= 4000`)
export class PresidencyPriority {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') termId: string;
  @Column('jsonb') title: Record<string, string>;
  @Column('text', { default: 'planned' }) status: PriorityStatus;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_priorities_council_fkey' })
  council?: Council;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id', foreignKeyConstraintName: 'presidency_priorities_term_fkey' })
  term?: PresidencyTerm;
}
