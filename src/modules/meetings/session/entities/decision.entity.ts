import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Body } from '../../../bodies/entities/body.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';

export const DECISION_STATUSES = ['proposed', 'closed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_OUTCOMES = ['adopted', 'not_adopted', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** 'meeting': taken in session on an agenda item; 'written': taken in writing between meetings (the silence procedure). */
export const DECISION_PROCEDURES = ['meeting', 'written'] as const;
export type DecisionProcedure = (typeof DECISION_PROCEDURES)[number];

/**
 * A decision proposed on an agenda item (procedure 'meeting'), or circulated in
 * writing with a silence deadline (procedure 'written', no meeting), closed
 * once with its outcome and the quorum figures at closing (a trigger,
 * decisions_closed_is_final, refuses any change to a closed decision).
 */
@Entity('decisions')
@Unique('decisions_id_council_key', ['id', 'councilId'])
@Index('decisions_meeting_idx', ['meetingId'])
@Index('decisions_agenda_item_idx', ['agendaItemId'])
@Index('decisions_council_outcome_idx', ['councilId', 'outcome'])
@Index('decisions_silence_open_idx', ['silenceDeadline'], { where: `procedure = 'written' AND status = 'proposed'` })
@Index('decisions_body_idx', ['bodyId'])
@Check('decisions_text_shape', `jsonb_typeof(text) = 'object' AND text <> '{}'::jsonb`)
@Check('decisions_status_known', `status IN ('proposed','closed')`)
@Check('decisions_outcome_known', `outcome IN ('adopted','not_adopted','deferred')`)
@Check('decisions_closed_shape', `(status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)`)
@Check('decisions_adopted_with_quorum', `outcome IS DISTINCT FROM 'adopted' OR (member_states_present >= quorum_required AND member_states_present > 0)`)
@Check('decisions_procedure_known', `procedure IN ('meeting','written')`)
@Check(
  'decisions_procedure_shape',
  `(procedure = 'meeting' AND meeting_id IS NOT NULL AND agenda_item_id IS NOT NULL AND silence_deadline IS NULL AND body_id IS NULL)
          OR (procedure = 'written' AND meeting_id IS NULL AND agenda_item_id IS NULL AND silence_deadline IS NOT NULL)`,
)
@Check('decisions_written_closed_at_deadline', `procedure <> 'written' OR closed_at IS NULL OR closed_at = silence_deadline`)
export class Decision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('text', { default: 'meeting' }) procedure: DecisionProcedure;
  /** Meeting decisions only. */
  @Column('uuid', { nullable: true }) meetingId: string | null;
  @Column('uuid', { nullable: true }) agendaItemId: string | null;
  /** Written decisions only: adopted at this instant unless a member state breaks silence before it. */
  @Column('timestamptz', { nullable: true }) silenceDeadline: Date | null;
  /** Written decisions: the body the decision concerns, if any. */
  @Column('uuid', { nullable: true }) bodyId: string | null;
  /** Working language → text. */
  @Column('jsonb') text: Record<string, string>;
  @Column('text', { default: 'proposed' }) status: DecisionStatus;
  @Column('text', { nullable: true }) outcome: DecisionOutcome | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  /** Quorum figures when the decision was closed. */
  @Column('integer', { nullable: true }) memberStatesPresent: number | null;
  @Column('integer', { nullable: true }) activeMemberStates: number | null;
  @Column('integer', { nullable: true }) quorumRequired: number | null;
  @Column('uuid', { nullable: true }) proposedBy: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Composite key to meetings(id, council_id). */
  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decisions_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'decisions_agenda_item_fkey' })
  agendaItem?: AgendaItem;

  /** Composite key to bodies(id, council_id). */
  @ManyToOne(() => Body)
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'decisions_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'decisions_proposed_by_fkey' })
  proposer?: User;
}
