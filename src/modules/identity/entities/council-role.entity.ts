import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Council } from '../../councils/entities/council.entity.js';
import { Delegate } from '../../delegations/entities/delegate.entity.js';
import { User } from './user.entity.js';

export const COUNCIL_ROLES = ['secretariat', 'delegate'] as const;
export type CouncilRoleName = (typeof COUNCIL_ROLES)[number];

/** A user's role in one council: secretariat staff, or a delegate through a delegate seat (which gives the delegation). */
@Entity('council_roles')
@Unique('council_roles_user_council_key', ['userId', 'councilId'])
@Unique('council_roles_delegate_key', ['delegateId'])
@Index('council_roles_council_role_idx', ['councilId', 'role'])
@Check('council_roles_role_known', `role IN ('secretariat','delegate')`)
@Check('council_roles_delegate_shape', `(role = 'delegate') = (delegate_id IS NOT NULL)`)
export class CouncilRole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column('uuid') councilId: string;
  @Column('text') role: CouncilRoleName;
  @Column('uuid', { nullable: true }) delegateId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'council_roles_user_fkey' })
  user?: User;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'council_roles_council_fkey' })
  council?: Council;

  @ManyToOne(() => Delegate, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'delegate_id', referencedColumnName: 'id', foreignKeyConstraintName: 'council_roles_delegate_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegate?: Delegate;
}
