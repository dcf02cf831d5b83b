import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';

export const DEFAULT_DESIGNATION_LEAD_MONTHS = 12;
export const DEFAULT_EXTENSION_MONTHS = 3;

/** A council's succession settings (a council without a row uses the defaults: 12 months' lead for a designation, extensions of 3 months). */
@Entity('council_presidency_rules')
@Check('council_presidency_rules_lead_range', `designation_lead_months BETWEEN 0 AND 60`)
@Check('council_presidency_rules_extension_range', `extension_months BETWEEN 1 AND 24`)
export class CouncilPresidencyRules {
  @PrimaryColumn('uuid') councilId: string;
  @Column('integer', { default: DEFAULT_DESIGNATION_LEAD_MONTHS }) designationLeadMonths: number;
  @Column('integer', { default: DEFAULT_EXTENSION_MONTHS }) extensionMonths: number;
  @Column('integer', { default: 1 }) version: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'council_presidency_rules_council_fkey' })
  council?: Council;
}
