import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../../core/validation/uuid.js';
import { type ByteRange, type DocumentStore, type StoredObject, StoredObjectTooLargeError } from './document-store.js';

/** Bytes per chunk row (the last one of a blob may be shorter). */
export const CHUNK_SIZE = 1024 * 1024;
/**
 * Bytes fetched per query when reading: a whole chunk (measured: 256 KiB slices halved the download's throughput
 * for a few MiB less of peak memory). A bytea arrives as hex text, so a read costs about three times this while it lasts.
 */
const READ_SLICE = 1024 * 1024;

/**
 * The document store in PostgreSQL: a `document_blobs` row per file and its bytes in `document_blob_chunks`
 * rows of CHUNK_SIZE bytes (bytea, sent as binary parameters: no base64, no hex on the way in). Writing streams
 * chunk by chunk in the caller's transaction (each INSERT awaited before the next chunk is read, so the
 * upload's socket is paused meanwhile); reading fetches one chunk per query as the client drains the response.
 */
@Injectable()
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly db: DataSource) {}

  async put(source: AsyncIterable<Buffer | Uint8Array>, options: { maxBytes: number; manager?: EntityManager }): Promise<StoredObject> {
    if (options.manager) return this.putIn(options.manager, source, options.maxBytes);
    return this.db.transaction((em) => this.putIn(em, source, options.maxBytes));
  }

  private async putIn(em: EntityManager, source: AsyncIterable<Buffer | Uint8Array>, maxBytes: number): Promise<StoredObject> {
    const [{ id }] = (await em.query(`SELECT gen_random_uuid() AS id`)) as [{ id: string }];
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    // One staging buffer, reused: the driver has copied a chunk into its own write buffer once its INSERT returns.
    const staging = Buffer.allocUnsafe(CHUNK_SIZE);
    let filled = 0;
    const flush = async () => {
      await em.query(`INSERT INTO document_blob_chunks (blob_id, seq, data) VALUES ($1, $2, $3)`, [id, seq++, staging.subarray(0, filled)]);
      filled = 0;
    };
    for await (const part of source) {
      const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      if (chunk.length === 0) continue;
      size += chunk.length;
      if (size > maxBytes) throw new StoredObjectTooLargeError(maxBytes);
      hash.update(chunk);
      let at = 0;
      while (at < chunk.length) {
        const n = chunk.copy(staging, filled, at);
        filled += n;
        at += n;
        if (filled === CHUNK_SIZE) await flush();
      }
    }
    if (filled > 0) await flush();
    const sha256 = hash.digest('hex');
    await em.query(`INSERT INTO document_blobs (id, size, sha256, chunk_size) VALUES ($1, $2, $3, $4)`, [id, size, sha256, CHUNK_SIZE]);
    return { key: id, size, sha256 };
  }

  get(key: string, range?: ByteRange): Readable {
    if (!isUuid(key)) throw new Error(`not a document store key: ${key}`);
    const db = this.db;
    async function* chunks(): AsyncGenerator<Buffer> {
      const rows = (await db.query(`SELECT size::bigint AS size, chunk_size AS "chunkSize" FROM document_blobs WHERE id = $1`, [key])) as {
        size: string;
        chunkSize: number;
      }[];
      if (rows.length === 0) throw new Error(`document store: no blob ${key}`);
      const size = Number(rows[0]!.size);
      const chunkSize = rows[0]!.chunkSize;
      if (size === 0) return;
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size - 1, size - 1);
      if (start > end) return;
      // Read in slices of at most READ_SLICE bytes, within one chunk (substring of an uncompressed, externally stored
      // bytea fetches only the TOAST rows it needs: a short range costs a short read).
      for (let at = start; at <= end;) {
        const seq = Math.floor(at / chunkSize);
        const offset = at - seq * chunkSize;
        const length = Math.min(READ_SLICE, chunkSize - offset, end - at + 1);
        const [row] = (await db.query(`SELECT substring(data FROM $3 FOR $4) AS data FROM document_blob_chunks WHERE blob_id = $1 AND seq = $2`, [
          key,
          seq,
          offset + 1,
          length,
        ])) as {
          data: Buffer;
        }[];
        if (!row || row.data.length === 0) throw new Error(`document store: blob ${key} lacks bytes at ${at}`);
        at += row.data.length;
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  }

  async delete(key: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`DELETE FROM document_blobs WHERE id = $1`, [key]);
  }
}
