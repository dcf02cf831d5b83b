import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProgressReportSnapshot } from './progress-report-snapshot.js';

export interface ProgressReportRow {
  id: string;
  councilId: string;
  bodyId: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  language: string;
  title: string;
  snapshot: ProgressReportSnapshot;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = `id, council_id AS "councilId", body_id AS "bodyId", meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", language, title,
  snapshot, created_by AS "createdBy", created_at AS "createdAt"`;

@Injectable()
export class ProgressReportsRepository {
  constructor(private readonly db: DataSource) {}

  async body(em: EntityManager, councilId: string, bodyId: string): Promise<{ id: string; name: string } | undefined> {
    const rows = (await em.query(`SELECT id, name FROM bodies WHERE id = $1 AND council_id = $2`, [bodyId, councilId])) as { id: string; name: string }[];
    return rows[0];
  }

  async meeting(em: EntityManager, councilId: string, meetingId: string): Promise<{ id: string; title: string; startsAt: Date } | undefined> {
    const rows = (await em.query(`SELECT id, title, starts_at AS "startsAt" FROM meetings WHERE id = $1 AND council_id = $2`, [meetingId, councilId])) as {
      id: string;
      title: string;
      startsAt: Date;
    }[];
    return rows[0];
  }

  async insert(
    em: EntityManager,
    v: {
      id: string;
      councilId: string;
      bodyId: string | null;
      meetingId: string | null;
      language: string;
      title: string;
      snapshot: ProgressReportSnapshot;
      html: string;
      createdBy: string | null;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO progress_reports (id, council_id, body_id, meeting_id, language, title, snapshot, html, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [v.id, v.councilId, v.bodyId, v.meetingId, v.language, v.title, JSON.stringify(v.snapshot), v.html, v.createdBy],
    );
  }

  async setAgendaItem(em: EntityManager, id: string, agendaItemId: string): Promise<void> {
    await em.query(`UPDATE progress_reports SET agenda_item_id = $2 WHERE id = $1`, [id, agendaItemId]);
  }

  async find(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<ProgressReportRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM progress_reports WHERE id = $1 AND council_id = $2`, [id, councilId])) as ProgressReportRow[];
    return rows[0];
  }

  async html(councilId: string, id: string): Promise<string | undefined> {
    const rows = (await this.db.query(`SELECT html FROM progress_reports WHERE id = $1 AND council_id = $2`, [id, councilId])) as { html: string }[];
    return rows[0]?.html;
  }
}
