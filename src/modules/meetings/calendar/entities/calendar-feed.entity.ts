import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Body } from '../../../bodies/entities/body.entity.js';
import { Council } from '../../../councils/entities/council.entity.js';
import { User } from '../../../identity/entities/user.entity.js';

export const CALENDAR_FEED_SCOPES = ['personal', 'body'] as const;
export type CalendarFeedScope = (typeof CALENDAR_FEED_SCOPES)[number];

/**
 * An iCalendar subscription of one user: the council's meetings ('personal') or one body's ('body').
 * Only the SHA-256 of the secret in its URL is stored; revoked feeds stay listed.
 */
@Entity('calendar_feeds')
@Unique('calendar_feeds_token_hash_key', ['tokenHash'])
@Index('calendar_feeds_user_idx', ['userId', 'createdAt'])
@Index('calendar_feeds_body_idx', ['bodyId'])
@Check('calendar_feeds_scope_known', `scope IN ('personal','body')`)
@Check('calendar_feeds_scope_shape', `(scope = 'body') = (body_id IS NOT NULL)`)
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column('uuid') councilId: string;
  @Column('text') scope: CalendarFeedScope;
  @Column('uuid', { nullable: true }) bodyId: string | null;
  @Column('text') tokenHash: string;
  @Column('boolean', { default: false }) hideTitles: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feeds_user_id_fkey' })
  user?: User;

  @ManyToOne(() => Council, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'council_id', foreignKeyConstraintName: 'calendar_feeds_council_id_fkey' })
  council?: Council;

  /** Composite key to bodies(id, council_id): the body belongs to the feed's council. */
  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'calendar_feeds_body_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  body?: Body;
}
