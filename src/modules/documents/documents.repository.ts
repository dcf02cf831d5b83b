import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingKind } from '../councils/entities/council-meeting-rule.entity.js';
import type { DocumentLanguage, DocumentVisibility } from './entities/document.entity.js';
import type { DocumentContentType } from './entities/document-version.entity.js';

/** An agenda item papers are uploaded to, with what the upload's rules need. */
export interface PaperItemRow {
  id: string;
  councilId: string;
  meetingId: string;
  presenterParticipantId: string | null;
  meetingKind: MeetingKind;
  meetingStatus: string;
  startsAt: Date;
  timeZone: string;
  workingLanguages: string[];
  /** The council's papers_days for the meeting's kind; null = the default rule. */
  papersDays: number | null;
}

export interface DocumentRow {
  id: string;
  councilId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  backlogItemId: string | null;
  minutesId: string | null;
  decisionId: string | null;
  language: DocumentLanguage;
  title: string;
  visibility: DocumentVisibility;
  currentVersion: number;
  createdBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The meeting's documents are published (public papers are then readable by anyone). */
  published: boolean;
}

export interface VersionRow {
  id: string;
  documentId: string;
  number: number;
  blobId: string;
  fileName: string;
  contentType: DocumentContentType;
  size: string;
  sha256: string;
  late: boolean;
  uploadedBy: string | null;
  uploadedByDelegationId: string | null;
  uploadedAt: Date;
}

export interface NewVersionValues {
  blobId: string;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  late: boolean;
  uploadedBy: string | null;
  uploadedByDelegationId: string | null;
}

const DOCUMENT_COLUMNS = `d.id, d.council_id AS "councilId", d.meeting_id AS "meetingId", d.agenda_item_id AS "agendaItemId",
  d.backlog_item_id AS "backlogItemId", d.minutes_id AS "minutesId", d.decision_id AS "decisionId", d.language, d.title, d.visibility,
  d.current_version AS "currentVersion", d.created_by AS "createdBy", d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt",
  EXISTS (SELECT 1 FROM meeting_document_publications p WHERE p.meeting_id = d.meeting_id) AS published`;
const VERSION_COLUMNS = `v.id, v.document_id AS "documentId", v.number, v.blob_id AS "blobId", v.file_name AS "fileName", v.content_type AS "contentType",
  v.size::text AS size, v.sha256, v.late, v.uploaded_by AS "uploadedBy", v.uploaded_by_delegation_id AS "uploadedByDelegationId", v.uploaded_at AS "uploadedAt"`;

/** Documents (meeting papers), their versions and the publication of a meeting's documents. */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly db: DataSource) {}

  async findPaperItem(councilId: string, meetingId: string, itemId: string, em: EntityManager = this.db.manager): Promise<PaperItemRow | undefined> {
    const rows = (await em.query(
      `SELECT ai.id, ai.council_id AS "councilId", ai.meeting_id AS "meetingId", ai.presenter_participant_id AS "presenterParticipantId",
              m.kind AS "meetingKind", m.status AS "meetingStatus", m.starts_at AS "startsAt", m.time_zone AS "timeZone",
              c.working_languages AS "workingLanguages", r.papers_days AS "papersDays"
         FROM agenda_items ai
         JOIN meetings m ON m.id = ai.meeting_id AND m.council_id = ai.council_id
         JOIN councils c ON c.id = ai.council_id
         LEFT JOIN council_meeting_rules r ON r.council_id = m.council_id AND r.meeting_kind = m.kind
        WHERE ai.id = $1 AND ai.meeting_id = $2 AND ai.council_id = $3`,
      [itemId, meetingId, councilId],
    )) as PaperItemRow[];
    return rows[0];
  }

  /** The kind of the caller's participant (member_state, permanent_participant, observer). */
  async participantKind(participantId: string): Promise<string | undefined> {
    const rows = (await this.db.query(`SELECT kind FROM participants WHERE id = $1`, [participantId])) as { kind: string }[];
    return rows[0]?.kind;
  }

  async find(councilId: string, documentId: string, em: EntityManager = this.db.manager, lock = false): Promise<DocumentRow | undefined> {
    const rows = (await em.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.id = $1 AND d.council_id = $2${lock ? ' FOR UPDATE OF d' : ''}`, [
      documentId,
      councilId,
    ])) as DocumentRow[];
    return rows[0];
  }

  async findForItem(em: EntityManager, agendaItemId: string, language: string, lock: boolean): Promise<DocumentRow | undefined> {
    const rows = (await em.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.agenda_item_id = $1 AND d.language = $2${lock ? ' FOR UPDATE OF d' : ''}`,
      [agendaItemId, language],
    )) as DocumentRow[];
    return rows[0];
  }

  async listForMeeting(councilId: string, meetingId: string, itemId?: string): Promise<(DocumentRow & { current: VersionRow })[]> {
    const rows = (await this.db.query(
      `SELECT ${DOCUMENT_COLUMNS}, row_to_json(cv) AS current
         FROM documents d
         JOIN agenda_items ai ON ai.id = d.agenda_item_id
         JOIN LATERAL (SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = d.id AND v.number = d.current_version) cv ON true
        WHERE d.council_id = $1 AND d.meeting_id = $2 AND ($3::uuid IS NULL OR d.agenda_item_id = $3)
        ORDER BY ai.position, d.language`,
      [councilId, meetingId, itemId ?? null],
    )) as (DocumentRow & { current: VersionRow & { uploadedAt: string } })[];
    return rows.map((r) => ({ ...r, current: { ...r.current, uploadedAt: new Date(r.current.uploadedAt) } }));
  }

  async insertDocument(
    em: EntityManager,
    v: { councilId: string; meetingId: string; agendaItemId: string; language: string; title: string; createdBy: string | null },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO documents (council_id, meeting_id, agenda_item_id, language, title, current_version, created_by)
       VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id`,
      [v.councilId, v.meetingId, v.agendaItemId, v.language, v.title, v.createdBy],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Makes `number` the current version (and the title, when given). */
  async advance(em: EntityManager, documentId: string, number: number, title: string | null): Promise<void> {
    await em.query(`UPDATE documents SET current_version = $2, title = COALESCE($3, title), version = version + 1, updated_at = now() WHERE id = $1`, [
      documentId,
      number,
      title,
    ]);
  }

  async insertVersion(em: EntityManager, councilId: string, documentId: string, number: number, v: NewVersionValues): Promise<void> {
    await em.query(
      `INSERT INTO document_versions (council_id, document_id, number, blob_id, file_name, content_type, size, sha256, late, uploaded_by, uploaded_by_delegation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [councilId, documentId, number, v.blobId, v.fileName, v.contentType, v.size, v.sha256, v.late, v.uploadedBy, v.uploadedByDelegationId],
    );
  }

  async versions(documentId: string, em: EntityManager = this.db.manager): Promise<VersionRow[]> {
    return (await em.query(`SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1 ORDER BY v.number DESC`, [documentId])) as VersionRow[];
  }

  async version(documentId: string, number: number, em: EntityManager = this.db.manager): Promise<VersionRow | undefined> {
    const rows = (await em.query(`SELECT ${VERSION_COLUMNS} FROM document_versions v WHERE v.document_id = $1 AND v.number = $2`, [
      documentId,
      number,
    ])) as VersionRow[];
    return rows[0];
  }

  /** Sets the visibility if the row is still at `version`; false when it moved on. */
  async updateVisibility(em: EntityManager, documentId: string, version: number, visibility: DocumentVisibility, title: string | null): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE documents SET visibility = $3, title = COALESCE($4, title), version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [documentId, version, visibility, title],
    )) as [unknown, number];
    return count > 0;
  }

  async meetingForPublication(
    em: EntityManager,
    councilId: string,
    meetingId: string,
  ): Promise<{ id: string; minutesStatus: string | null; published: boolean } | undefined> {
    const rows = (await em.query(
      `SELECT m.id, mi.status AS "minutesStatus", EXISTS (SELECT 1 FROM meeting_document_publications p WHERE p.meeting_id = m.id) AS published
         FROM meetings m LEFT JOIN minutes mi ON mi.meeting_id = m.id
        WHERE m.id = $1 AND m.council_id = $2 FOR UPDATE OF m`,
      [meetingId, councilId],
    )) as { id: string; minutesStatus: string | null; published: boolean }[];
    return rows[0];
  }

  async publish(em: EntityManager, councilId: string, meetingId: string, by: string | null): Promise<Date> {
    const rows = (await em.query(
      `INSERT INTO meeting_document_publications (meeting_id, council_id, published_by) VALUES ($1, $2, $3) RETURNING published_at AS "publishedAt"`,
      [meetingId, councilId, by],
    )) as { publishedAt: Date }[];
    return rows[0]!.publishedAt;
  }
}
