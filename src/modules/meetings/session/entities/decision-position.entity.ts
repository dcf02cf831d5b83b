import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { Decision } from './decision.entity.js';

export const DECISION_POSITIONS = ['support', 'concern', 'neutral'] as const;
export type DecisionPositionKind = (typeof DECISION_POSITIONS)[number];

/** A consultation position on a proposed decision (permanent participants, or member states standing aside): recorded, never blocking. */
@Entity('decision_positions')
@Unique('decision_positions_decision_delegation_key', ['decisionId', 'delegationId'])
@Index('decision_positions_delegation_idx', ['delegationId'])
@Check('decision_positions_position_known', `position IN ('support','concern','neutral')`)
export class DecisionPosition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') decisionId: string;
  @Column('uuid') delegationId: string;
  @Column('text') position: DecisionPositionKind;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { nullable: true }) statedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to decisions(id, council_id). */
  @ManyToOne(() => Decision, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'decision_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decision_positions_decision_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  decision?: Decision;

  /** Composite key to delegations(id, council_id). */
  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decision_positions_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'stated_by', foreignKeyConstraintName: 'decision_positions_stated_by_fkey' })
  stater?: User;
}
