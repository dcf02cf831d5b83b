import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface FocusAreaRow {
  id: string;
  councilId: string;
  code: string;
  title: string;
}

const COLUMNS = `id, council_id AS "councilId", code, title`;

@Injectable()
export class FocusAreasRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
    return rows.length > 0;
  }

  async listByCouncil(councilId: string): Promise<FocusAreaRow[]> {
    return (await this.db.query(`SELECT ${COLUMNS} FROM focus_areas WHERE council_id = $1 ORDER BY length(code), code`, [councilId])) as FocusAreaRow[];
  }

  async findInCouncil(em: EntityManager, councilId: string, id: string): Promise<FocusAreaRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM focus_areas WHERE id = $1 AND council_id = $2`, [id, councilId])) as FocusAreaRow[];
    return rows[0];
  }

  async insert(em: EntityManager, councilId: string, code: string, title: string): Promise<FocusAreaRow> {
    const rows = (await em.query(`INSERT INTO focus_areas (council_id, code, title) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
      councilId,
      code,
      title,
    ])) as FocusAreaRow[];
    return rows[0]!;
  }
}
