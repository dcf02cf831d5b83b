import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DocumentBlob } from './document-blob.entity.js';

/** One chunk (at most 1 MiB) of a blob, at position `seq` (0, 1, …). Read and written by the store with plain SQL. */
@Entity('document_blob_chunks')
@Check('document_blob_chunks_seq_range', `seq >= 0`)
@Check('document_blob_chunks_data_size', `octet_length(data) BETWEEN 1 AND 1048576`)
export class DocumentBlobChunk {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'document_blob_chunks_pkey' }) blobId: string;
  @PrimaryColumn('integer', { primaryKeyConstraintName: 'document_blob_chunks_pkey' }) seq: number;
  @Column('bytea') data: Buffer;

  /** Checked at commit: the store writes the chunks, then the blob row. */
  @ManyToOne(() => DocumentBlob, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'blob_id', foreignKeyConstraintName: 'document_blob_chunks_blob_fkey' })
  blob?: DocumentBlob;
}
