import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { Decision } from '../../../meetings/session/entities/decision.entity.js';
import { Participant } from '../../../participants/entities/participant.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

/** Under the designated policy: the member state designated by an adopted decision to succeed a term (one per term). */
@Entity('presidency_designations')
@Unique('presidency_designations_term_key', ['forTermAfter'])
@Index('presidency_designations_council_idx', ['councilId'])
@Check('presidency_designations_holder_kind_member_state', `holder_kind = 'member_state'`)
export class PresidencyDesignation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') forTermAfter: string;
  @Column('uuid') participantId: string;
  @Column('text', { default: 'member_state' }) holderKind: 'member_state';
  @Column('uuid') decisionId: string;
  /** When the designating decision was adopted (its closing instant). */
  @Column('timestamptz') adoptedAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_designations_council_fkey' })
  council?: Council;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'for_term_after', foreignKeyConstraintName: 'presidency_designations_term_fkey' })
  term?: PresidencyTerm;

  /** Composite key to participants(id, council_id, kind): a member state of the same council. */
  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'participant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_designations_participant_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
    { name: 'holder_kind', referencedColumnName: 'kind' },
  ])
  participant?: Participant;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision)
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_designations_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;
}
