import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type DeliveryMode = 'immediate' | 'digest' | 'off';

/** Per user and kind: email at once (the default), in the daily digest, or not at all (the inbox still gets it). */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly db: DataSource) {}

  async modesFor(em: EntityManager, userIds: string[], kind: string): Promise<Map<string, DeliveryMode>> {
    if (userIds.length === 0) return new Map();
    const rows = (await em.query(`SELECT user_id, mode FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND kind = $2`, [userIds, kind])) as {
      user_id: string;
      mode: DeliveryMode;
    }[];
    return new Map(rows.map((r) => [r.user_id, r.mode]));
  }

  async list(userId: string): Promise<{ kind: string; mode: DeliveryMode }[]> {
    return this.db.query(`SELECT kind, mode FROM notification_preferences WHERE user_id = $1 ORDER BY kind`, [userId]);
  }

  async set(em: EntityManager, userId: string, kind: string, mode: DeliveryMode): Promise<void> {
    await em.query(
      `INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET mode = EXCLUDED.mode`,
      [userId, kind, mode],
    );
  }
}
