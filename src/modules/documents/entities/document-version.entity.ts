import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Delegation } from '../../delegations/entities/delegation.entity.js';
import { User } from '../../identity/entities/user.entity.js';
import { DocumentBlob } from './document-blob.entity.js';
import { Document } from './document.entity.js';

/** The content types a paper may have: decided by sniffing the bytes, never by the name or the declared type. */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** One upload of a document: numbered 1, 2, … per document, never overwritten. Its bytes are its blob. */
@Entity('document_versions')
@Unique('document_versions_document_number_key', ['documentId', 'number'])
@Unique('document_versions_blob_key', ['blobId'])
@Index('document_versions_uploaded_by_idx', ['uploadedBy'])
@Check('document_versions_number_positive', `number > 0`)
@Check('document_versions_file_name_shape', `btrim(file_name) <> '' AND char_length(file_name) <= 255 AND file_name !~ '[/\\\\[:cntrl:]]'`)
@Check('document_versions_content_type_known', `content_type IN (${DOCUMENT_CONTENT_TYPES.map((t) => `'${t}'`).join(',')})`)
@Check('document_versions_size_positive', `size > 0`)
@Check('document_versions_sha256_format', `sha256 ~ '^[0-9a-f]{64}$'`)
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') councilId: string;
  @Column('uuid') documentId: string;
  @Column('integer') number: number;
  /** The key of the bytes in the document store (the PostgreSQL store: a document_blobs row). */
  @Column('uuid') blobId: string;
  @Column('text') fileName: string;
  @Column('text') contentType: DocumentContentType;
  /** bigint: returned as a string by the driver. */
  @Column('bigint') size: string;
  @Column('text') sha256: string;
  /** Uploaded after the meeting's papers deadline. */
  @Column('boolean', { default: false }) late: boolean;
  @Column('uuid', { nullable: true }) uploadedBy: string | null;
  /** The delegation the uploader acted for (null: the secretariat). */
  @Column('uuid', { nullable: true }) uploadedByDelegationId: string | null;
  @Column('timestamptz', { default: () => 'now()' }) uploadedAt: Date;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'document_id', referencedColumnName: 'id', foreignKeyConstraintName: 'document_versions_document_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  document?: Document;

  @ManyToOne(() => DocumentBlob)
  @JoinColumn({ name: 'blob_id', foreignKeyConstraintName: 'document_versions_blob_fkey' })
  blob?: DocumentBlob;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'document_versions_uploaded_by_fkey' })
  uploader?: User;

  @ManyToOne(() => Delegation)
  @JoinColumn([
    { name: 'uploaded_by_delegation_id', referencedColumnName: 'id', foreignKeyConstraintName: 'document_versions_delegation_fkey' },
    { name: 'council_id', referencedColumnName: 'councilId' },
  ])
  delegation?: Delegation;
}
