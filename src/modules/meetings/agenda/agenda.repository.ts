import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingStatus } from '../entities/meeting.entity.js';
import type { AgendaDocument, AgendaItemPurpose, AgendaItemStatus } from './entities/agenda-item.entity.js';
import type { AgendaStatus } from './entities/meeting-agenda.entity.js';

/** The meeting an agenda belongs to, with what the agenda's rules need. */
export interface AgendaMeetingRow {
  id: string;
  status: MeetingStatus;
  startsAt: Date;
  workingLanguages: string[];
}

export interface AgendaRow {
  meetingId: string;
  councilId: string;
  status: AgendaStatus;
  circulatedAt: Date | null;
  adoptedAt: Date | null;
  supplementaryDeadline: Date | null;
  version: number;
}

export interface AgendaItemRow {
  id: string;
  councilId: string;
  meetingId: string;
  position: number;
  title: Record<string, string>;
  purpose: AgendaItemPurpose;
  presenterParticipantId: string | null;
  minutesAllotted: number | null;
  concernsPermanentParticipants: boolean;
  supplementary: boolean;
  acceptedByChair: boolean;
  documents: AgendaDocument[];
  status: AgendaItemStatus;
  carriedFromItemId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgendaItemPaperRow {
  itemId: string;
  documentId: string;
  language: string;
  title: string;
  visibility: string;
  currentVersion: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  late: boolean;
  uploadedAt: Date;
}

/** The editable values of an item. */
export interface AgendaItemValues {
  title: Record<string, string>;
  purpose: AgendaItemPurpose;
  presenterParticipantId: string | null;
  minutesAllotted: number | null;
  concernsPermanentParticipants: boolean;
  documents: AgendaDocument[];
  status: AgendaItemStatus;
}

const AGENDA_COLUMNS = `meeting_id AS "meetingId", council_id AS "councilId", status, circulated_at AS "circulatedAt", adopted_at AS "adoptedAt",
  supplementary_deadline AS "supplementaryDeadline", version`;
const ITEM_COLUMNS = `id, council_id AS "councilId", meeting_id AS "meetingId", position, title, purpose, presenter_participant_id AS "presenterParticipantId",
  minutes_allotted AS "minutesAllotted", concerns_permanent_participants AS "concernsPermanentParticipants", supplementary,
  accepted_by_chair AS "acceptedByChair", documents, status, carried_from_item_id AS "carriedFromItemId", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Agendas and their items, in plain SQL. Writers lock the meeting (share, or
 * update when they change it) and then the agenda row, always in that order,
 * so concurrent changes to one agenda run one after the other.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly db: DataSource) {}

  async findMeeting(
    councilId: string,
    meetingId: string,
    em: EntityManager = this.db.manager,
    lock?: 'share' | 'update',
  ): Promise<AgendaMeetingRow | undefined> {
    const rows = (await em.query(
      `SELECT m.id, m.status, m.starts_at AS "startsAt", c.working_languages AS "workingLanguages"
         FROM meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.id = $1 AND m.council_id = $2${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'NO KEY UPDATE'} OF m` : ''}`,
      [meetingId, councilId],
    )) as AgendaMeetingRow[];
    return rows[0];
  }

  async findAgenda(councilId: string, meetingId: string, em: EntityManager = this.db.manager): Promise<AgendaRow | undefined> {
    const rows = (await em.query(`SELECT ${AGENDA_COLUMNS} FROM meeting_agendas WHERE meeting_id = $1 AND council_id = $2`, [
      meetingId,
      councilId,
    ])) as AgendaRow[];
    return rows[0];
  }

  /** The agenda row, created (draft) if the meeting has none yet, locked for the rest of the transaction. */
  async lockAgenda(em: EntityManager, councilId: string, meetingId: string): Promise<AgendaRow> {
    await em.query(`INSERT INTO meeting_agendas (meeting_id, council_id) VALUES ($1, $2) ON CONFLICT (meeting_id) DO NOTHING`, [meetingId, councilId]);
    const rows = (await em.query(`SELECT ${AGENDA_COLUMNS} FROM meeting_agendas WHERE meeting_id = $1 AND council_id = $2 FOR UPDATE`, [
      meetingId,
      councilId,
    ])) as AgendaRow[];
    return rows[0]!;
  }

  async listItems(councilId: string, meetingId: string, em: EntityManager = this.db.manager): Promise<AgendaItemRow[]> {
    return em.query(`SELECT ${ITEM_COLUMNS} FROM agenda_items WHERE meeting_id = $1 AND council_id = $2 ORDER BY position`, [meetingId, councilId]);
  }

  /** The papers of a meeting's items (documents), each with its current version; 'member_states' papers only when asked. */
  async listItemPapers(councilId: string, meetingId: string, withMemberStatePapers: boolean): Promise<AgendaItemPaperRow[]> {
    return this.db.query(
      `SELECT d.agenda_item_id AS "itemId", d.id AS "documentId", d.language, d.title, d.visibility, d.current_version AS "currentVersion",
              v.file_name AS "fileName", v.content_type AS "contentType", v.size::float8 AS size, v.sha256, v.late, v.uploaded_at AS "uploadedAt"
         FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version
        WHERE d.meeting_id = $1 AND d.council_id = $2 AND d.agenda_item_id IS NOT NULL AND ($3 OR d.visibility <> 'member_states')
        ORDER BY d.language`,
      [meetingId, councilId, withMemberStatePapers],
    );
  }

  /** The kind of a participant (member_state, permanent_participant, observer). */
  async participantKind(participantId: string): Promise<string | undefined> {
    const rows = (await this.db.query(`SELECT kind FROM participants WHERE id = $1`, [participantId])) as { kind: string }[];
    return rows[0]?.kind;
  }

  async findItem(em: EntityManager, councilId: string, meetingId: string, itemId: string, lock = false): Promise<AgendaItemRow | undefined> {
    const rows = (await em.query(`SELECT ${ITEM_COLUMNS} FROM agenda_items WHERE id = $1 AND meeting_id = $2 AND council_id = $3${lock ? ' FOR UPDATE' : ''}`, [
      itemId,
      meetingId,
      councilId,
    ])) as AgendaItemRow[];
    return rows[0];
  }

  /** Appends the item after the last one; returns its id. */
  async insertItem(
    em: EntityManager,
    councilId: string,
    meetingId: string,
    v: Omit<AgendaItemValues, 'status'>,
    marks: { supplementary: boolean; acceptedByChair: boolean },
    carriedFromItemId: string | null = null,
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO agenda_items (council_id, meeting_id, position, title, purpose, presenter_participant_id, minutes_allotted,
                                 concerns_permanent_participants, supplementary, accepted_by_chair, documents, carried_from_item_id)
       SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM agenda_items WHERE meeting_id = $2
       RETURNING id`,
      [
        councilId,
        meetingId,
        JSON.stringify(v.title),
        v.purpose,
        v.presenterParticipantId,
        v.minutesAllotted,
        v.concernsPermanentParticipants,
        marks.supplementary,
        marks.acceptedByChair,
        JSON.stringify(v.documents),
        carriedFromItemId,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Sets the values if the version is still current; false when no row matched. */
  async updateItemVersioned(em: EntityManager, councilId: string, meetingId: string, itemId: string, version: number, v: AgendaItemValues): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE agenda_items SET title = $5, purpose = $6, presenter_participant_id = $7, minutes_allotted = $8, concerns_permanent_participants = $9,
              documents = $10, status = $11, version = version + 1, updated_at = now()
        WHERE id = $1 AND meeting_id = $2 AND council_id = $3 AND version = $4`,
      [
        itemId,
        meetingId,
        councilId,
        version,
        JSON.stringify(v.title),
        v.purpose,
        v.presenterParticipantId,
        v.minutesAllotted,
        v.concernsPermanentParticipants,
        JSON.stringify(v.documents),
        v.status,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  /** Deletes the item (at its version) and closes the gap it leaves; false when no row matched. */
  async deleteItemVersioned(em: EntityManager, councilId: string, meetingId: string, itemId: string, version: number): Promise<boolean> {
    // For DELETE … RETURNING the driver answers [rows, affected].
    const [rows] = (await em.query(`DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2 AND council_id = $3 AND version = $4 RETURNING position`, [
      itemId,
      meetingId,
      councilId,
      version,
    ])) as [{ position: number }[], number];
    if (!rows[0]) return false;
    await em.query(`UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2`, [meetingId, rows[0].position]);
    return true;
  }

  /** Deleting a carried item puts its original back on its agenda; false when the original is gone or no longer carried forward. */
  async restoreCarriedOriginal(em: EntityManager, councilId: string, originalId: string): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE agenda_items SET status = 'scheduled', version = version + 1, updated_at = now() WHERE id = $1 AND council_id = $2 AND status = 'carried_forward'`,
      [originalId, councilId],
    )) as [unknown, number];
    return count === 1;
  }

  /** Positions 1..n in the order given (the unique key on positions is checked at commit). */
  async reorder(em: EntityManager, meetingId: string, itemIds: string[]): Promise<void> {
    await em.query(`UPDATE agenda_items a SET position = o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE a.id = o.id AND a.meeting_id = $1`, [
      meetingId,
      itemIds,
    ]);
  }

  /** Bumps the agenda's version (its list or status changed) and sets its status fields. */
  async updateAgenda(
    em: EntityManager,
    meetingId: string,
    s: Pick<AgendaRow, 'status' | 'circulatedAt' | 'adoptedAt' | 'supplementaryDeadline'>,
  ): Promise<void> {
    await em.query(
      `UPDATE meeting_agendas SET status = $2, circulated_at = $3, adopted_at = $4, supplementary_deadline = $5, version = version + 1, updated_at = now()
        WHERE meeting_id = $1`,
      [meetingId, s.status, s.circulatedAt, s.adoptedAt, s.supplementaryDeadline],
    );
  }

  /** Circulating the agenda of a convened meeting moves the meeting to agenda_circulated (as its own transition would). */
  async markMeetingAgendaCirculated(em: EntityManager, councilId: string, meetingId: string): Promise<void> {
    await em.query(
      `UPDATE meetings SET status = 'agenda_circulated', version = version + 1, updated_at = now() WHERE id = $1 AND council_id = $2 AND status = 'convened'`,
      [meetingId, councilId],
    );
  }
}
