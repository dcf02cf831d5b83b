import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';
import { PresidencyTerm } from '../../entities/presidency-term.entity.js';

export const SUCCESSION_ALERT_REASONS = ['designation_missing', 'no_eligible_member'] as const;
export type SuccessionAlertReason = (typeof SUCCESSION_ALERT_REASONS)[number];

/** The monthly "no successor known" alert about a term: at most one per (term, month 'YYYY-MM'). */
@Entity('presidency_succession_alerts')
@Check('presidency_succession_alerts_period_format', `period ~ '^[0-9]{4}-[0-9]{2}$'`)
@Check('presidency_succession_alerts_reason_known', `reason IN ('designation_missing','no_eligible_member')`)
export class PresidencySuccessionAlert {
  @PrimaryColumn('uuid') termId: string;
  @PrimaryColumn('text') period: string;
  @Column('uuid') councilId: string;
  @Column('text') reason: SuccessionAlertReason;
  @Column('timestamptz', { default: () => 'now()' }) sentAt: Date;

  @ManyToOne(() => PresidencyTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id', foreignKeyConstraintName: 'presidency_succession_alerts_term_fkey' })
  term?: PresidencyTerm;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_succession_alerts_council_fkey' })
  council?: Council;
}
