import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobPayloads, JobResult } from '../../../../core/queue/job-registry.js';
import { DOCUMENT_STORE, type DocumentStore, readAllBytes } from '../../../documents/store/document-store.js';
import { buildPack } from '../meeting-pack-builder.js';
import { packKey, selectPapers } from '../meeting-pack-source.js';
import { MeetingPackRepository } from '../meeting-pack.repository.js';

/** The rollback of a build whose row moved on while it was stored. */
class Superseded extends Error {}

/**
 * Builds one generation of a meeting pack. Reloads the row: a generation that is no longer current, or no longer
 * building, is skipped. Papers that changed since the request are built as they are now, under their new key. Reads the papers from the document store, merges them (buildPack), and stores the bytes and the row's
 * ready state in one transaction, only if the row is still this generation. After the last attempt, a build that
 * kept failing marks the pack failed.
 */
@Injectable()
@HandlesJob('meeting_pack.build')
export class MeetingPackBuildJob implements JobHandler<'meeting_pack.build'> {
  private readonly logger = new Logger('MeetingPackBuildJob');

  constructor(
    private readonly db: DataSource,
    private readonly packs: MeetingPackRepository,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  async handle(payload: JobPayloads['meeting_pack.build'], job: Job<JobPayloads['meeting_pack.build']>): Promise<JobResult> {
    try {
      return await this.build(payload);
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) await this.packs.fail(payload.packId, payload.generation, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  private async build({ packId, generation }: JobPayloads['meeting_pack.build']): Promise<JobResult> {
    const pack = await this.packs.findById(packId);
    if (!pack || pack.generation !== generation || pack.status !== 'building') return 'skipped';
    const rows = await this.packs.source(pack.councilId, pack.meetingId);
    if (!rows) return 'skipped';
    const source = selectPapers(rows.meeting, rows.items, rows.documents, pack.language, pack.audience);
    // Papers changed since the request: build what is current now, under its key (the pack asked for is that of the meeting now).
    const key = packKey(source);
    if (key !== pack.cacheKey && !(await this.packs.rekey(packId, generation, key))) return 'skipped';

    const started = performance.now();
    const built = await buildPack(source, (blobId) => readAllBytes(this.store, blobId));
    const buildMs = Math.round(performance.now() - started);
    try {
      await this.db.transaction(async (em) => {
        const stored = await this.store.put(Readable.from([built.bytes]), { maxBytes: built.bytes.length, manager: em });
        const done = await this.packs.complete(em, packId, generation, {
          blobId: stored.key,
          pageCount: built.pageCount,
          size: stored.size,
          sha256: stored.sha256,
          manifest: built.manifest,
          buildMs,
        });
        if (!done) throw new Superseded();
      });
    } catch (err) {
      if (err instanceof Superseded) return 'skipped';
      throw err;
    }
    this.logger.log(
      { packId, meetingId: pack.meetingId, language: pack.language, pages: built.pageCount, bytes: built.bytes.length, buildMs },
      'meeting pack built',
    );
    return 'done';
  }
}
