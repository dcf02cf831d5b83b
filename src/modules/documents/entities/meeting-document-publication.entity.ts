import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity.js';
import { Meeting } from '../../meetings/entities/meeting.entity.js';

/**
 * A meeting's documents published: from then on its papers marked `public` are readable by anyone. Allowed once
 * the meeting's minutes are approved (trigger meeting_document_publications_minutes_approved).
 */
@Entity('meeting_document_publications')
export class MeetingDocumentPublication {
  @PrimaryColumn('uuid') meetingId: string;
  @Column('uuid') councilId: string;
  @Column('timestamptz', { default: () => 'now()' }) publishedAt: Date;
  @Column('uuid', { nullable: true }) publishedBy: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_document_publications_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'meeting_document_publications_published_by_fkey' })
  publisher?: User;
}
