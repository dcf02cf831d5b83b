import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The bytes of one stored file in the PostgreSQL document store: its size, SHA-256 and the size of its chunks
 * (every chunk but the last has `chunkSize` bytes). Written last, in the transaction that streamed the chunks.
 */
@Entity('document_blobs')
@Check('document_blobs_size_range', `size >= 0`)
@Check('document_blobs_sha256_format', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('document_blobs_chunk_size_range', `chunk_size BETWEEN 1 AND 1048576`)
export class DocumentBlob {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** bigint: returned as a string by the driver. */
  @Column('bigint') size: string;
  @Column('text') sha256: string;
  @Column('integer') chunkSize: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
