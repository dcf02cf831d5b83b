import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Council } from '../../../councils/entities/council.entity.js';

/**
 * When a council's handover reminders go out before a term ends (a council without a row uses the defaults):
 * the first reminder and the incoming chair's priorities in months, the dossier (assembled then) and the last
 * reminder in days.
 */
@Entity('council_handover_settings')
@Check(
  'council_handover_settings_months_range',
  `first_reminder_months BETWEEN 1 AND 60 AND priorities_reminder_months BETWEEN 1 AND 60 AND priorities_reminder_months < first_reminder_months`,
)
@Check(
  'council_handover_settings_days_range',
  `dossier_days BETWEEN 1 AND 730 AND final_reminder_days BETWEEN 1 AND 730 AND final_reminder_days < dossier_days`,
)
export class CouncilHandoverSettings {
  @PrimaryColumn('uuid') councilId: string;
  @Column('integer', { default: 12 }) firstReminderMonths: number;
  @Column('integer', { default: 6 }) prioritiesReminderMonths: number;
  @Column('integer', { default: 90 }) dossierDays: number;
  @Column('integer', { default: 30 }) finalReminderDays: number;
  @Column('integer', { default: 1 }) version: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'council_handover_settings_council_fkey' })
  council?: Council;
}
