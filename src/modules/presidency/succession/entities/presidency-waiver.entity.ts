import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { Decision } from '../../../meetings/session/entities/decision.entity.js';
import { Participant } from '../../../participants/entities/participant.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

/**
 * A member state waives its turn by an adopted decision: for the succession of one term (forTermAfter, the
 * outgoing term), or for its next turn (forTermAfter null; used up by the transfer that skips it: appliedTermId).
 */
@Entity('presidency_waivers')
@Unique('presidency_waivers_participant_decision_key', ['participantId', 'decisionId'])
@Index('presidency_waivers_council_idx', ['councilId'])
@Check('presidency_waivers_holder_kind_member_state', `holder_kind = 'member_state'`)
export class PresidencyWaiver {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') participantId: string;
  @Column('text', { default: 'member_state' }) holderKind: 'member_state';
  @Column('uuid') decisionId: string;
  @Column('uuid', { nullable: true }) forTermAfter: string | null;
  @Column('uuid', { nullable: true }) appliedTermId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_waivers_council_fkey' })
  council?: Council;

  /** Composite key to participants(id, council_id, kind): a member state of the same council. */
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'participant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_waivers_participant_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
    { name: 'holder_kind', referencedColumnName: 'kind' },
  ])
  participant?: Participant;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision)
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_waivers_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'for_term_after', foreignKeyConstraintName: 'presidency_waivers_term_fkey' })
  term?: PresidencyTerm;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applied_term_id', foreignKeyConstraintName: 'presidency_waivers_applied_term_fkey' })
  appliedTerm?: PresidencyTerm;
}
