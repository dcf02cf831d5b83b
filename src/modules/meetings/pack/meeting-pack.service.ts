import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../../../core/auth/caller.js';
import { DomainException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { jobId } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../documents/store/document-store.js';
import { PACK_LANGUAGES, type PackAudience, type PackLanguage } from './entities/meeting-pack.entity.js';
import { packKey, selectPapers, type PackSource } from './meeting-pack-source.js';
import { type MeetingPackRow, MeetingPackRepository } from './meeting-pack.repository.js';

/** How long a request waits for a pack being built before answering 202. */
export const PACK_WAIT_MS = 10_000;
/** What a 202 asks the client to wait before asking again. */
export const PACK_RETRY_AFTER_SECONDS = 2;
/** A pack still building after this was lost by the queue (or its worker died past the retries): built again. */
export const PACK_STALE_SECONDS = 600;
/** A failed pack is answered as failed (503) for this long; asked for after it, it is built again. */
export const PACK_RETRY_FAILED_SECONDS = 60;
const POLL_MS = 100;

export type PackAnswer = { state: 'ready'; pack: MeetingPackRow; cached: boolean } | { state: 'building'; pack: MeetingPackRow };

/** The build job of a generation of a pack (its id is unique per generation: a rebuild is a new job). */
export const packJobId = (packId: string, generation: number): string => jobId('pack', packId, generation);

/**
 * The meeting pack, as the API serves it: works out which papers go in (for the caller's audience) and their
 * cache key; a pack built for that key is served at once; otherwise the worker is asked to build it
 * (meeting_pack.build) and the request waits up to PACK_WAIT_MS for it — or not at all with `Prefer:
 * respond-async` — before answering 202 (ask again after Retry-After).
 */
@Injectable()
export class MeetingPackService {
  private readonly logger = new Logger('MeetingPackService');

  constructor(
    private readonly packs: MeetingPackRepository,
    private readonly queues: QueueService,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  /** What goes into the pack of a meeting in a language for an audience, now (undefined: no such meeting). */
  async source(councilId: string, meetingId: string, language: PackLanguage | undefined, audience: PackAudience): Promise<PackSource | undefined> {
    const rows = await this.packs.source(councilId, meetingId);
    if (!rows) return undefined;
    const first = rows.meeting.workingLanguages.find((l): l is PackLanguage => (PACK_LANGUAGES as readonly string[]).includes(l)) ?? 'en';
    return selectPapers(rows.meeting, rows.items, rows.documents, language ?? first, audience);
  }

  async pack(councilId: string, meetingId: string, language: PackLanguage | undefined, caller: Caller, respondAsync: boolean): Promise<PackAnswer> {
    const audience = await this.audienceOf(caller);
    const source = await this.source(councilId, meetingId, language, audience);
    if (!source) throw new NotFoundException('meeting', meetingId);
    const cacheKey = packKey(source);
    const { pack, queued } = await this.packs.request(
      { councilId, meetingId, language: source.language, audience, cacheKey },
      PACK_STALE_SECONDS,
      PACK_RETRY_FAILED_SECONDS,
    );
    if (pack.status === 'ready') return { state: 'ready', pack, cached: true };
    if (queued) {
      try {
        await this.queues.add('meeting_pack.build', { packId: pack.id, generation: pack.generation }, packJobId(pack.id, pack.generation));
      } catch (err) {
        // The row says building: asked again after PACK_STALE_SECONDS, it is queued again.
        this.logger.warn({ err, packId: pack.id }, 'could not queue the meeting pack build');
      }
    }
    if (pack.status === 'failed') throw buildFailed(pack);
    if (respondAsync) return { state: 'building', pack };

    const deadline = Date.now() + PACK_WAIT_MS;
    let current = pack;
    while (Date.now() < deadline) {
      await sleep(POLL_MS);
      const row = await this.packs.findById(pack.id);
      if (!row || row.generation !== pack.generation) break; // asked again for another key meanwhile
      current = row;
      if (row.status === 'ready') return { state: 'ready', pack: row, cached: false };
      if (row.status === 'failed') throw buildFailed(row);
    }
    return { state: 'building', pack: current };
  }

  bytes(pack: MeetingPackRow): Readable {
    return this.store.get(pack.blobId!);
  }

  /**
   * member_states (papers restricted to member states included): the secretariat, the administrator and the
   * delegates of member states; members: the delegates of permanent participants and observers.
   */
  private async audienceOf(caller: Caller): Promise<PackAudience> {
    if (caller.roles.includes('secretariat') || caller.roles.includes('admin')) return 'member_states';
    if (caller.roles.includes('delegate') && caller.participantId && (await this.packs.participantKind(caller.participantId)) === 'member_state')
      return 'member_states';
    return 'members';
  }
}

function buildFailed(pack: MeetingPackRow): DomainException {
  return new DomainException(
    'PACK_BUILD_FAILED',
    503,
    `the meeting pack could not be built; it is built again when asked for after ${PACK_RETRY_FAILED_SECONDS} seconds`,
    [],
    {
      error: pack.error,
      retryAfterSeconds: PACK_RETRY_FAILED_SECONDS,
    },
  );
}
