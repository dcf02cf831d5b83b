import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DocumentBlob } from '../../../documents/entities/document-blob.entity.js';
import { Meeting } from '../../entities/meeting.entity.js';

export const PACK_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];
/** 'members': without the papers restricted to member states; 'member_states': with them. */
export const PACK_AUDIENCES = ['members', 'member_states'] as const;
export type PackAudience = (typeof PACK_AUDIENCES)[number];
export const PACK_STATUSES = ['building', 'ready', 'failed'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

/**
 * The compiled meeting pack of a meeting in one language for one audience, cached: `cacheKey` is the hash of
 * everything it is made of; a different key means it is built again (`generation` + 1). Its bytes are in the
 * document store (`blobId`) once ready.
 */
@Entity('meeting_packs')
@Unique('meeting_packs_meeting_language_audience_key', ['meetingId', 'language', 'audience'])
@Unique('meeting_packs_blob_key', ['blobId'])
@Check('meeting_packs_language_known', `language IN ('es','en','fr','pt')`)
@Check('meeting_packs_audience_known', `audience IN ('members','member_states')`)
@Check('meeting_packs_status_known', `status IN ('building','ready','failed')`)
@Check('meeting_packs_cache_key_format', `cache_key ~ '^[0-9a-f]{64}$'`)
@Check('meeting_packs_generation_positive', `generation > 0`)
@Check(
  'meeting_packs_ready_shape',
  `(status = 'ready') = (blob_id IS NOT NULL AND page_count IS NOT NULL AND size IS NOT NULL AND sha256 IS NOT NULL AND manifest IS NOT NULL AND built_at IS NOT NULL)`,
)
@Check('meeting_packs_failed_shape', `(status = 'failed') = (error IS NOT NULL)`)
export class MeetingPack {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') meetingId: string;
  @Column('text') language: PackLanguage;
  @Column('text') audience: PackAudience;
  @Column('text') cacheKey: string;
  @Column('integer', { default: 1 }) generation: number;
  @Column('text', { default: 'building' }) status: PackStatus;
  @Column('uuid', { nullable: true }) blobId: string | null;
  @Column('integer', { nullable: true }) pageCount: number | null;
  /** bigint: returned as a string by the driver. */
  @Column('bigint', { nullable: true }) size: string | null;
  @Column('text', { nullable: true }) sha256: string | null;
  @Column('jsonb', { nullable: true }) manifest: Record<string, unknown> | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('timestamptz', { default: () => 'now()' }) requestedAt: Date;
  @Column('timestamptz', { nullable: true }) builtAt: Date | null;
  @Column('integer', { nullable: true }) buildMs: number | null;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'id', foreignKeyConstraintName: 'meeting_packs_meeting_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  meeting?: Meeting;

  @ManyToOne(() => DocumentBlob)
  @JoinColumn({ name: 'blob_id', foreignKeyConstraintName: 'meeting_packs_blob_fkey' })
  blob?: DocumentBlob;
}
