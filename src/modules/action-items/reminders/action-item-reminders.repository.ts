import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPEN_STATUSES } from '../entities/action-item.entity.js';
import { type ActionItemRules, DEFAULT_ACTION_ITEM_RULES } from './action-item-rules.js';
import type { ReminderSubject } from './action-item-reminders.js';

export interface RulesRow extends ActionItemRules {
  /** 0 while the council has no row of its own (it uses the defaults). */
  version: number;
  updatedAt: Date | null;
}

/** What the reminder plan reads of an item: the shape planActionItemReminders takes. */
export type PlanInputRow = ReminderSubject;

const RULE_COLUMNS = `ack_days AS "ackDays", due_soon_days AS "dueSoonDays", overdue_days AS "overdueDays", escalate_days AS "escalateDays",
  agenda_days AS "agendaDays", version, updated_at AS "updatedAt"`;

/** The API side of action-item reminders: a council's rules, and what the planner needs about an item. */
@Injectable()
export class ActionItemRemindersRepository {
  constructor(private readonly db: DataSource) {}

  async councilExists(councilId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    return ((await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[]).length > 0;
  }

  /** The council's rules (the defaults, version 0, when it has no row). */
  async rules(councilId: string, em: EntityManager = this.db.manager): Promise<RulesRow> {
    const rows = (await em.query(`SELECT ${RULE_COLUMNS} FROM council_action_item_rules WHERE council_id = $1`, [councilId])) as RulesRow[];
    return rows[0] ?? { ...DEFAULT_ACTION_ITEM_RULES, dueSoonDays: [...DEFAULT_ACTION_ITEM_RULES.dueSoonDays], version: 0, updatedAt: null };
  }

  /**
   * Writes the rules if `version` is the one read (0: the council had no row); locks the council's rules for the
   * rest of the transaction. False when another change came first.
   */
  async saveRules(em: EntityManager, councilId: string, version: number, r: ActionItemRules): Promise<boolean> {
    const values = [councilId, r.ackDays, r.dueSoonDays, r.overdueDays, r.escalateDays, r.agendaDays];
    if (version === 0) {
      const rows = (await em.query(
        `INSERT INTO council_action_item_rules (council_id, ack_days, due_soon_days, overdue_days, escalate_days, agenda_days)
         VALUES ($1, $2, $3::int[], $4, $5, $6) ON CONFLICT (council_id) DO NOTHING RETURNING council_id`,
        values,
      )) as unknown[];
      return rows.length === 1;
    }
    const [, count] = (await em.query(
      `UPDATE council_action_item_rules SET ack_days = $2, due_soon_days = $3::int[], overdue_days = $4, escalate_days = $5, agenda_days = $6,
              version = version + 1, updated_at = now()
        WHERE council_id = $1 AND version = $7`,
      [...values, version],
    )) as [unknown, number];
    return count === 1;
  }

  /** The item with its council's zone (what the planner needs), read in the change's transaction. */
  async planInput(em: EntityManager, councilId: string, itemId: string): Promise<PlanInputRow | undefined> {
    const rows = (await em.query(
      `SELECT a.id, a.status, a.due_date::text AS "dueDate", a.created_at AS "createdAt", c.time_zone AS "timeZone"
         FROM action_items a JOIN councils c ON c.id = a.council_id
        WHERE a.id = $1 AND a.council_id = $2`,
      [itemId, councilId],
    )) as PlanInputRow[];
    return rows[0];
  }

  /** A page of the council's items that still have reminders (not done, verified or cancelled), by id. */
  async openItemsPage(em: EntityManager, councilId: string, afterId: string | null, limit: number): Promise<PlanInputRow[]> {
    return em.query(
      `SELECT a.id, a.status, a.due_date::text AS "dueDate", a.created_at AS "createdAt", c.time_zone AS "timeZone"
         FROM action_items a JOIN councils c ON c.id = a.council_id
        WHERE a.council_id = $1 AND a.status = ANY($2::text[]) AND ($3::uuid IS NULL OR a.id > $3::uuid)
        ORDER BY a.id LIMIT $4`,
      [councilId, [...OPEN_STATUSES], afterId, limit],
    );
  }

  /** The reminder keys of the item that are still to go out. */
  async liveKeys(em: EntityManager, prefix: string): Promise<string[]> {
    const rows = (await em.query(`SELECT reminder_key AS key FROM outbox WHERE reminder_key LIKE $1 || '%' AND status IN ('pending','enqueued')`, [
      prefix.replace(/[\\%_]/g, (c) => `\\${c}`),
    ])) as { key: string }[];
    return rows.map((r) => r.key);
  }
}
