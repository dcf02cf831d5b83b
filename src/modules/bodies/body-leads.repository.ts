import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A lead as read: the daterange split into from (inclusive) and until (exclusive, null = open-ended). */
export interface BodyLeadRow {
  id: string;
  bodyId: string;
  participantId: string;
  participantName: string;
  from: string;
  until: string | null;
  createdAt: Date;
}

const SELECT_LEADS = `SELECT l.id, l.body_id AS "bodyId", l.participant_id AS "participantId", p.name AS "participantName",
    lower(l.period)::text AS "from", upper(l.period)::text AS "until", l.created_at AS "createdAt"
  FROM body_leads l JOIN participants p ON p.id = l.participant_id`;

@Injectable()
export class BodyLeadsRepository {
  constructor(private readonly db: DataSource) {}

  /** Leads whose period contains today's date in the council's time zone, for each of the bodies. */
  async listCurrentForBodies(councilId: string, bodyIds: string[]): Promise<BodyLeadRow[]> {
    if (bodyIds.length === 0) return [];
    return (await this.db.query(
      `${SELECT_LEADS} JOIN councils c ON c.id = l.council_id
        WHERE l.council_id = $1 AND l.body_id = ANY($2::uuid[])
          AND l.period @> (now() AT TIME ZONE c.time_zone)::date
        ORDER BY lower(l.period), p.name`,
      [councilId, bodyIds],
    )) as BodyLeadRow[];
  }

  async listForBody(councilId: string, bodyId: string, em: EntityManager = this.db.manager): Promise<BodyLeadRow[]> {
    return (await em.query(`${SELECT_LEADS} WHERE l.council_id = $1 AND l.body_id = $2 ORDER BY lower(l.period), p.name`, [
      councilId,
      bodyId,
    ])) as BodyLeadRow[];
  }

  async findInBody(em: EntityManager, councilId: string, bodyId: string, leadId: string): Promise<BodyLeadRow | undefined> {
    const rows = (await em.query(`${SELECT_LEADS} WHERE l.id = $1 AND l.council_id = $2 AND l.body_id = $3`, [leadId, councilId, bodyId])) as BodyLeadRow[];
    return rows[0];
  }

  /** Inserts the lead over the daterange literal (e.g. "[2026-01-01,)") and returns its id. */
  async insert(em: EntityManager, councilId: string, bodyId: string, participantId: string, period: string): Promise<string> {
    const rows = (await em.query(`INSERT INTO body_leads (council_id, body_id, participant_id, period) VALUES ($1, $2, $3, $4::daterange) RETURNING id`, [
      councilId,
      bodyId,
      participantId,
      period,
    ])) as { id: string }[];
    return rows[0]!.id;
  }

  async delete(em: EntityManager, councilId: string, bodyId: string, leadId: string): Promise<boolean> {
    const [, count] = (await em.query(`DELETE FROM body_leads WHERE id = $1 AND council_id = $2 AND body_id = $3`, [leadId, councilId, bodyId])) as [
      unknown[],
      number,
    ];
    return count > 0;
  }
}
