import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PackAudience, PackLanguage, PackStatus } from './entities/meeting-pack.entity.js';
import type { PackAgendaItem, PackDocumentRow, PackMeeting } from './meeting-pack-source.js';
import { iso } from '../../../core/http/iso.js';

export interface MeetingPackRow {
  id: string;
  councilId: string;
  meetingId: string;
  language: PackLanguage;
  audience: PackAudience;
  cacheKey: string;
  generation: number;
  status: PackStatus;
  blobId: string | null;
  pageCount: number | null;
  /** bigint, as a string. */
  size: string | null;
  sha256: string | null;
  error: string | null;
  requestedAt: Date;
  builtAt: Date | null;
  buildMs: number | null;
}

const COLUMNS = `id, council_id AS "councilId", meeting_id AS "meetingId", language, audience, cache_key AS "cacheKey", generation, status,
  blob_id AS "blobId", page_count AS "pageCount", size::text AS size, sha256, error, requested_at AS "requestedAt", built_at AS "builtAt", build_ms AS "buildMs"`;

/** The rows a meeting pack is made of, and the cached packs (meeting_packs). */
@Injectable()
export class MeetingPackRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The meeting, its scheduled agenda items and the current version of each of their documents, read in one
   * snapshot (so the cache key and the papers merged agree). Undefined when the meeting is not in the council.
   */
  async source(councilId: string, meetingId: string): Promise<{ meeting: PackMeeting; items: PackAgendaItem[]; documents: PackDocumentRow[] } | undefined> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      const meetings = (await em.query(
        `SELECT m.id, m.council_id AS "councilId", c.name AS "councilName", c.working_languages AS "workingLanguages", m.title, m.kind,
                b.name AS "bodyName", m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.time_zone AS "timeZone", m.venue, m.online_url AS "onlineUrl",
                a.status AS "agendaStatus", a.version AS "agendaVersion"
           FROM meetings m
           JOIN councils c ON c.id = m.council_id
           LEFT JOIN bodies b ON b.id = m.body_id
           LEFT JOIN meeting_agendas a ON a.meeting_id = m.id
          WHERE m.id = $1 AND m.council_id = $2`,
        [meetingId, councilId],
      )) as (Omit<PackMeeting, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date })[];
      const m = meetings[0];
      if (!m) return undefined;
      const items = (await em.query(
        `SELECT ai.id, ai.position, ai.title, ai.purpose, p.name AS "presenterName", ai.minutes_allotted AS "minutesAllotted", ai.supplementary, ai.version
           FROM agenda_items ai
           LEFT JOIN participants p ON p.id = ai.presenter_participant_id
          WHERE ai.meeting_id = $1 AND ai.council_id = $2 AND ai.status = 'scheduled'
          ORDER BY ai.position`,
        [meetingId, councilId],
      )) as PackAgendaItem[];
      const documents = (await em.query(
        `SELECT d.id AS "documentId", d.agenda_item_id AS "agendaItemId", d.language, d.title, d.visibility,
                v.id AS "versionId", v.number AS "versionNumber", v.blob_id AS "blobId", v.content_type AS "contentType", v.file_name AS "fileName", v.sha256
           FROM documents d
           JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version
          WHERE d.meeting_id = $1 AND d.council_id = $2 AND d.agenda_item_id IS NOT NULL
          ORDER BY d.agenda_item_id, d.language`,
        [meetingId, councilId],
      )) as PackDocumentRow[];
      return { meeting: { ...m, startsAt: iso(m.startsAt), endsAt: iso(m.endsAt) }, items, documents };
    });
  }

  async participantKind(participantId: string): Promise<string | undefined> {
    const rows = (await this.db.query(`SELECT kind FROM participants WHERE id = $1`, [participantId])) as { kind: string }[];
    return rows[0]?.kind;
  }

  async findById(id: string, em: EntityManager = this.db.manager): Promise<MeetingPackRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM meeting_packs WHERE id = $1`, [id])) as MeetingPackRow[];
    return rows[0];
  }

  async find(meetingId: string, language: PackLanguage, audience: PackAudience): Promise<MeetingPackRow | undefined> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM meeting_packs WHERE meeting_id = $1 AND language = $2 AND audience = $3`, [
      meetingId,
      language,
      audience,
    ])) as MeetingPackRow[];
    return rows[0];
  }

  /**
   * Asks for the pack of this key. The row is (re)set to building, with the next generation, when it does not
   * exist, has another key, failed more than `retryFailedSeconds` ago, or has been building for more than
   * `staleSeconds` (its job lost); `queued` then says a build job must be added. Otherwise the row is as it was.
   * One statement: two requests at once make one generation.
   */
  async request(
    p: { councilId: string; meetingId: string; language: PackLanguage; audience: PackAudience; cacheKey: string },
    staleSeconds: number,
    retryFailedSeconds: number,
  ): Promise<{ pack: MeetingPackRow; queued: boolean }> {
    const rows = (await this.db.query(
      `INSERT INTO meeting_packs (council_id, meeting_id, language, audience, cache_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, language, audience) DO UPDATE
          SET cache_key = EXCLUDED.cache_key, generation = meeting_packs.generation + 1, status = 'building', blob_id = NULL, page_count = NULL,
              size = NULL, sha256 = NULL, manifest = NULL, error = NULL, requested_at = now(), built_at = NULL, build_ms = NULL
        WHERE meeting_packs.cache_key <> EXCLUDED.cache_key
           OR (meeting_packs.status = 'failed' AND meeting_packs.requested_at < now() - make_interval(secs => $7))
           OR (meeting_packs.status = 'building' AND meeting_packs.requested_at < now() - make_interval(secs => $6))
       RETURNING ${COLUMNS}`,
      [p.councilId, p.meetingId, p.language, p.audience, p.cacheKey, staleSeconds, retryFailedSeconds],
    )) as MeetingPackRow[];
    if (rows[0]) return { pack: rows[0], queued: true };
    return { pack: (await this.find(p.meetingId, p.language, p.audience))!, queued: false };
  }

  /** The generation being built is of another key now (what changed since it was asked for); false when the row moved on. */
  async rekey(id: string, generation: number, cacheKey: string): Promise<boolean> {
    const [, count] = (await this.db.query(`UPDATE meeting_packs SET cache_key = $3 WHERE id = $1 AND generation = $2 AND status = 'building'`, [
      id,
      generation,
      cacheKey,
    ])) as [unknown[], number];
    return count > 0;
  }

  /** Stores the build of this generation; false when the row moved on (another key asked for meanwhile). */
  async complete(
    em: EntityManager,
    id: string,
    generation: number,
    built: { blobId: string; pageCount: number; size: number; sha256: string; manifest: object; buildMs: number },
  ): Promise<boolean> {
    const rows = (await em.query(
      `UPDATE meeting_packs SET status = 'ready', blob_id = $3, page_count = $4, size = $5, sha256 = $6, manifest = $7, error = NULL, built_at = now(), build_ms = $8
        WHERE id = $1 AND generation = $2 AND status = 'building' RETURNING id`,
      [id, generation, built.blobId, built.pageCount, built.size, built.sha256, JSON.stringify(built.manifest), built.buildMs],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  async fail(id: string, generation: number, error: string): Promise<void> {
    await this.db.query(
      `UPDATE meeting_packs SET status = 'failed', error = $3, requested_at = now() WHERE id = $1 AND generation = $2 AND status = 'building'`,
      [id, generation, error.slice(0, 2000)],
    );
  }
}
