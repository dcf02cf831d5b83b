import { Check, Column, CreateDateColumn, Entity, Exclusion, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';
import { Participant } from '../../participants/entities/participant.entity.js';

export const TERM_SOURCES = ['rotation', 'designated', 'historical', 'extension'] as const;
export type TermSource = (typeof TERM_SOURCES)[number];

/** A member state's presidency over a half-open tstzrange "[start,end)". */
@Entity('presidency_terms')
@Check('presidency_terms_holder_kind_member_state', `holder_kind = 'member_state'`)
@Check('presidency_terms_source_known', `source IN ('rotation','designated','historical','extension')`)
@Check(
  'presidency_terms_period_bounded',
  `NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period) AND lower_inc(period) AND NOT upper_inc(period)`,
)
@Check(
  'presidency_terms_millisecond_bounds',
  `date_trunc('milliseconds', lower(period)) = lower(period) AND date_trunc('milliseconds', upper(period)) = upper(period)`,
)
@Exclusion('presidency_terms_no_overlap', `USING gist (council_id WITH =, period WITH &&)`)
export class PresidencyTerm {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') participantId: string;
  @Column('text', { default: 'member_state' }) holderKind: 'member_state';
  @Column('tstzrange') period: string;
  @Column('text', { default: 'rotation' }) source: TermSource;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'presidency_terms_council_fkey' })
  council?: Council;

  /** Composite key to participants(id, council_id, kind): the holder is a member state of the same council. */
  @ManyToOne(() => Participant)
  @JoinColumn([
    { name: 'participant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'presidency_terms_holder_is_member_state_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
    { name: 'holder_kind', referencedColumnName: 'kind' },
  ])
  holder?: Participant;
}
