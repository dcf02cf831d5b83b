import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { Decision } from './decision.entity.js';

/** A member state's objection to a proposed decision; withdrawing it sets withdrawn_at. One standing objection per delegation and decision. */
@Entity('decision_objections')
@Index('decision_objections_standing_key', ['decisionId', 'delegationId'], { unique: true, where: `withdrawn_at IS NULL` })
@Index('decision_objections_delegation_idx', ['delegationId'])
@Check('decision_objections_reason_not_blank', `btrim(reason) <> ''`)
export class DecisionObjection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') decisionId: string;
  @Column('uuid') delegationId: string;
  @Column('text') reason: string;
  @Column('uuid', { nullable: true }) raisedBy: string | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decision_objections_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  /** Composite key to delegations(id, council_id). */
  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decision_objections_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'raised_by', foreignKeyConstraintName: 'decision_objections_raised_by_fkey' })
  raiser?: User;
}
