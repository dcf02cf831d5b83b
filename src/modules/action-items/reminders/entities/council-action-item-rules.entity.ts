import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';

/** A council's action-item reminder and escalation offsets, in days (a council without a row uses the defaults). */
@Entity('council_action_item_rules')
@Check('council_action_item_rules_ack_days_range', `ack_days BETWEEN 1 AND 365`)
@Check(
  'council_action_item_rules_due_soon_days_range',
  `cardinality(due_soon_days) <= 5 AND array_position(due_soon_days, NULL) IS NULL AND 1 <= ALL (due_soon_days) AND 365 >= ALL (due_soon_days)`,
)
@Check(
  'council_action_item_rules_escalation_order',
  `overdue_days >= 1 AND escalate_days > overdue_days AND agenda_days > escalate_days AND agenda_days <= 365`,
)
export class CouncilActionItemRules {
  @PrimaryColumn('uuid') councilId: string;
  @Column('integer', { default: 7 }) ackDays: number;
  @Column('integer', { array: true, default: () => `'{14,3}'` }) dueSoonDays: number[];
  @Column('integer', { default: 1 }) overdueDays: number;
  @Column('integer', { default: 14 }) escalateDays: number;
  @Column('integer', { default: 30 }) agendaDays: number;
  @Column('integer', { default: 1 }) version: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'council_action_item_rules_council_fkey' })
  council?: Council;
}
