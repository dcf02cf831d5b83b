import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Delegation } from '../../../delegations/entities/delegation.entity.js';
import { User } from '../../../identity/entities/user.entity.js';
import { HandoverDossier } from './handover-dossier.entity.js';

/** The incoming chair's receipt of one dossier entry, by its stable key ('action_item:<id>', 'meeting:<id>' …). */
@Entity('handover_acknowledgements')
@Unique('handover_acknowledgements_dossier_item_key', ['dossierId', 'itemKey'])
@Check('handover_acknowledgements_item_key_format', `item_key ~ '^[a-z_]+:[0-9a-f-]{36}$'`)
@Check('handover_acknowledgements_note_shape', `btrim(note) <> '' AND char_length(note) <= 2000`)
export class HandoverAcknowledgement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') dossierId: string;
  @Column('text') itemKey: string;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid') delegationId: string;
  @Column('uuid', { nullable: true }) acknowledgedBy: string | null;
  @Column('timestamptz', { default: () => 'now()' }) acknowledgedAt: Date;

  /** Composite key to handover_dossiers(id, council_id). */
  @ManyToOne(() => HandoverDossier, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'dossier_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handover_acknowledgements_dossier_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  dossier?: HandoverDossier;

  /** Composite key to delegations(id, council_id). */
  @ManyToOne(() => Delegation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'handover_acknowledgements_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acknowledged_by', foreignKeyConstraintName: 'handover_acknowledgements_acknowledged_by_fkey' })
  acknowledger?: User;
}
