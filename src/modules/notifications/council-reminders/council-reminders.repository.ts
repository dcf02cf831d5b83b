import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience } from '../recipients.repository.js';

/** Who a reminder goes to (see RecipientsRepository.forAudiences). */
export type ReminderAudience = Audience;

export interface CouncilReminderRow {
  id: string;
  councilId: string;
  councilName: string;
  title: string;
  message: string;
  sendAt: Date;
  audience: ReminderAudience;
  status: 'scheduled' | 'sent' | 'cancelled';
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `SELECT r.id, r.council_id AS "councilId", c.name AS "councilName", r.title, r.message, r.send_at AS "sendAt",
  r.audience, r.status, r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM council_reminders r JOIN councils c ON c.id = r.council_id`;

@Injectable()
export class CouncilRemindersRepository {
  constructor(private readonly db: DataSource) {}

  /** The ids among `ids` that are not delegations of the council (another council's, or no delegation at all). */
  async notDelegationsOf(em: EntityManager, councilId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await em.query(
      `SELECT x.id::text AS id FROM unnest($2::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM delegations d WHERE d.id = x.id AND d.council_id = $1)`,
      [councilId, ids],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async insert(
    em: EntityManager,
    r: { councilId: string; title: string; message: string; sendAt: Date; audience: ReminderAudience; createdBy: string | null },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO council_reminders (council_id, title, message, send_at, audience, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.councilId, r.title, r.message, r.sendAt, JSON.stringify(r.audience), r.createdBy],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async find(councilId: string, id: string, em: EntityManager = this.db.manager, lock = false): Promise<CouncilReminderRow | undefined> {
    const rows = (await em.query(`${SELECT} WHERE r.id = $1 AND r.council_id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [id, councilId])) as CouncilReminderRow[];
    return rows[0];
  }

  async list(councilId: string): Promise<CouncilReminderRow[]> {
    return this.db.query(`${SELECT} WHERE r.council_id = $1 ORDER BY r.send_at DESC, r.id`, [councilId]);
  }

  async updateVersioned(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    v: { title: string; message: string; sendAt: Date; audience: ReminderAudience; status: 'scheduled' | 'cancelled' },
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE council_reminders SET title = $4, message = $5, send_at = $6, audience = $7, status = $8, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, v.title, v.message, v.sendAt, JSON.stringify(v.audience), v.status],
    )) as [unknown, number];
    return count === 1;
  }

  /** Reminders by id (any council), locked when asked; for the worker. */
  async findMany(em: EntityManager, ids: string[], lock = false): Promise<CouncilReminderRow[]> {
    return em.query(`${SELECT} WHERE r.id = ANY($1::uuid[]) ORDER BY r.id${lock ? ' FOR UPDATE OF r' : ''}`, [ids]);
  }

  /** Scheduled → sent; returns the ids that changed. */
  async markSent(em: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const [rows] = (await em.query(
      `UPDATE council_reminders SET status = 'sent', version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'scheduled' RETURNING id`,
      [ids],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }
}
