import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { Meeting } from '../../../meetings/entities/meeting.entity.js';
import { Decision } from '../../../meetings/session/entities/decision.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

export const TRANSFER_MODES = ['scheduled', 'early', 'meeting', 'written', 'extension'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];
export const SUCCESSOR_BASES = ['entered', 'rotation', 'designated', 'extension'] as const;
export type SuccessorBasis = (typeof SUCCESSOR_BASES)[number];

/**
 * What followed a term, recorded once: the transfer to the next holder, or the extension of the same holder
 * (mode 'extension'). UNIQUE (from_term_id) is the guarantee that a term is succeeded exactly once.
 */
@Entity('presidency_transfers')
@Unique('presidency_transfers_from_term_key', ['fromTermId'])
@Unique('presidency_transfers_to_term_key', ['toTermId'])
/** A decision, or a meeting, hands the presidency over once: a retry finds the transfer it made. */
@Unique('presidency_transfers_decision_key', ['decisionId'])
@Unique('presidency_transfers_meeting_key', ['meetingId'])
@Index('presidency_transfers_council_boundary_idx', ['councilId', 'boundary'])
@Check('presidency_transfers_distinct_terms', `from_term_id <> to_term_id`)
@Check('presidency_transfers_mode_known', `mode IN ('scheduled','early','meeting','written','extension')`)
@Check('presidency_transfers_basis_known', `successor_basis IN ('entered','rotation','designated','extension')`)
@Check('presidency_transfers_extension_shape', `(mode = 'extension') = (successor_basis = 'extension')`)
@Check('presidency_transfers_items_moved_range', `items_moved >= 0`)
export class PresidencyTransfer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') fromTermId: string;
  @Column('uuid') toTermId: string;
  @Column('text') mode: TransferMode;
  @Column('text') successorBasis: SuccessorBasis;
  /** The instant the presidency passed (the outgoing term's end). */
  @Column('timestamptz') boundary: Date;
  @Column('timestamptz', { default: () => 'now()' }) executedAt: Date;
  @Column('uuid', { nullable: true }) decisionId: string | null;
  @Column('uuid', { nullable: true }) meetingId: string | null;
  @Column('integer', { default: 0 }) itemsMoved: number;
  @Column('boolean', { default: false }) dossierArchived: boolean;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_transfers_council_fkey' })
  council?: Council;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_term_id', foreignKeyConstraintName: 'presidency_transfers_from_term_fkey' })
  fromTerm?: PresidencyTerm;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_term_id', foreignKeyConstraintName: 'presidency_transfers_to_term_fkey' })
  toTerm?: PresidencyTerm;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision)
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_transfers_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting)
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_transfers_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;
}
