import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface RecommendationRow {
  id: string;
  councilId: string;
  focusAreaId: string;
  focusAreaCode: string;
  number: number;
  title: string;
  body: string;
  whoShouldAct: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecommendationValues {
  focusAreaId: string;
  number: number;
  title: string;
  body: string;
  whoShouldAct: string | null;
}

const SELECT = `SELECT r.id, r.council_id AS "councilId", r.focus_area_id AS "focusAreaId", f.code AS "focusAreaCode",
    r.number, r.title, r.body, r.who_should_act AS "whoShouldAct", r.version,
    r.created_at AS "createdAt", r.updated_at AS "updatedAt"
  FROM recommendations r JOIN focus_areas f ON f.id = r.focus_area_id`;

@Injectable()
export class RecommendationsRepository {
  constructor(private readonly db: DataSource) {}

  /** The council's recommendations by number, optionally only those of the focus area with this code. */
  async listByCouncil(councilId: string, focusAreaCode?: string): Promise<RecommendationRow[]> {
    return (await this.db.query(`${SELECT} WHERE r.council_id = $1 AND ($2::text IS NULL OR f.code = $2) ORDER BY r.number`, [
      councilId,
      focusAreaCode ?? null,
    ])) as RecommendationRow[];
  }

  async findInCouncil(councilId: string, id: string, em: EntityManager = this.db.manager): Promise<RecommendationRow | undefined> {
    const rows = (await em.query(`${SELECT} WHERE r.id = $1 AND r.council_id = $2`, [id, councilId])) as RecommendationRow[];
    return rows[0];
  }

  /** The recommendation, locked until the transaction ends (for a read-modify-write). */
  async lockInCouncil(em: EntityManager, councilId: string, id: string): Promise<RecommendationRow | undefined> {
    const rows = (await em.query(`${SELECT} WHERE r.id = $1 AND r.council_id = $2 FOR UPDATE OF r`, [id, councilId])) as RecommendationRow[];
    return rows[0];
  }

  async insert(em: EntityManager, councilId: string, values: RecommendationValues): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO recommendations (council_id, focus_area_id, number, title, body, who_should_act)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [councilId, values.focusAreaId, values.number, values.title, values.body, values.whoShouldAct],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Applies the values when `version` is still current; false otherwise. */
  async updateIfVersion(em: EntityManager, councilId: string, id: string, version: number, values: RecommendationValues): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE recommendations SET focus_area_id = $4, number = $5, title = $6, body = $7, who_should_act = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, values.focusAreaId, values.number, values.title, values.body, values.whoShouldAct],
    )) as [unknown[], number];
    return count > 0;
  }
}
