import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** Nest injection token of the document store. */
export const DOCUMENT_STORE = Symbol('DocumentStore');

/** What the store kept: its key (in document_versions.blob_id), the byte count and the SHA-256 (hex) of the bytes. */
export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/** Bytes start..end, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** More bytes than `maxBytes` were streamed: the caller answers 413 (nothing was kept). */
export class StoredObjectTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
  }
}

/**
 * Where the bytes of documents live, behind one small interface so that the domain never knows. The default,
 * PgDocumentStore, keeps them in PostgreSQL (chunks of 1 MiB), transactional with the metadata: `put` and
 * `delete` take the caller's transaction (`manager`), so a refused or interrupted upload leaves nothing. A store
 * that is not transactional with PostgreSQL (an object store) ignores `manager`; the caller then deletes what
 * it put when its transaction fails (DocumentsService does both).
 */
export interface DocumentStore {
  /** Streams `source` in (never holding more than a chunk); throws StoredObjectTooLargeError past `maxBytes`. */
  put(source: AsyncIterable<Buffer | Uint8Array>, options: { maxBytes: number; manager?: EntityManager }): Promise<StoredObject>;
  /** The bytes of `key` (or of a range of them), streamed out chunk by chunk. */
  get(key: string, range?: ByteRange): Readable;
  delete(key: string, manager?: EntityManager): Promise<void>;
}

/** All the bytes of `key` in one buffer: for small files only (e.g. merging PDFs into a meeting pack). */
export async function readAllBytes(store: DocumentStore, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of store.get(key)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
