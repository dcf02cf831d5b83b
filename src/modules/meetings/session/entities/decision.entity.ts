import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { User } from '../../../identity/entities/user.entity.js';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';

export const DECISION_STATUSES = ['proposed', 'closed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_OUTCOMES = ['adopted', 'not_adopted', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * A decision proposed on an agenda item, closed once with its outcome and the
 * quorum figures at closing (a trigger, decisions_closed_is_final, refuses any
 * change to a closed decision).
 */
@Entity('decisions')
@Unique('decisions_id_council_key', ['id', 'councilId'])
@Index('decisions_meeting_idx', ['meetingId'])
@Index('decisions_agenda_item_idx', ['agendaItemId'])
@Index('decisions_council_outcome_idx', ['councilId', 'outcome'])
@Check('decisions_text_shape', `jsonb_typeof(text) = 'object' AND text <> '{}'::jsonb`)
@Check('decisions_status_known', `status IN ('proposed','closed')`)
@Check('decisions_outcome_known', `outcome IN ('adopted','not_adopted','deferred')`)
@Check('decisions_closed_shape', `(status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)`)
@Check('decisions_adopted_with_quorum', `outcome IS DISTINCT FROM 'adopted' OR (member_states_present >= quorum_required AND member_states_present > 0)`)
export class Decision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') meetingId: string;
  @Column('uuid') agendaItemId: string;
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

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'decisions_proposed_by_fkey' })
  proposer?: User;
}
