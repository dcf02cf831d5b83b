import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and escalation of action items.
 *
 * - `council_action_item_rules`: a council's offsets, in days (DOMAIN.md defaults; a council without a row uses
 *   them): acknowledgement requested `ack_days` after creation; due-soon reminders `due_soon_days` before the due
 *   date (at most 5, each 1..365, no repeats); overdue (+`overdue_days`: owner and head of delegation), escalated
 *   (+`escalate_days`: body lead and chair), onto the next senior officials agenda (+`agenda_days`); the three
 *   escalation steps strictly after each other.
 * - `action_item_overdue_agenda_items`: the "Overdue action items" item of a meeting's agenda (one per meeting).
 * - `action_item_agenda_placements`: an overdue item put on a meeting's agenda, for the due date it had then —
 *   at most once per (item, meeting); the escalation job places an item again only if its due date changed or
 *   the meeting it was placed on was cancelled.
 */
export class ActionItemReminders1763901100000 implements MigrationInterface {
  name = 'ActionItemReminders1763901100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council_action_item_rules (
        council_id uuid PRIMARY KEY,
        ack_days integer NOT NULL DEFAULT 7,
        due_soon_days integer[] NOT NULL DEFAULT '{14,3}',
        overdue_days integer NOT NULL DEFAULT 1,
        escalate_days integer NOT NULL DEFAULT 14,
        agenda_days integer NOT NULL DEFAULT 30,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_action_item_rules_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT council_action_item_rules_ack_days_range CHECK (ack_days BETWEEN 1 AND 365),
        CONSTRAINT council_action_item_rules_due_soon_days_range CHECK (
          cardinality(due_soon_days) <= 5 AND array_position(due_soon_days, NULL) IS NULL
          AND 1 <= ALL (due_soon_days) AND 365 >= ALL (due_soon_days)),
        CONSTRAINT council_action_item_rules_escalation_order CHECK (
          overdue_days >= 1 AND escalate_days > overdue_days AND agenda_days > escalate_days AND agenda_days <= 365)
      )`);
    await q.query(`
      CREATE TABLE action_item_overdue_agenda_items (
        meeting_id uuid PRIMARY KEY,
        council_id uuid NOT NULL,
        agenda_item_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_item_overdue_agenda_items_agenda_item_key UNIQUE (agenda_item_id),
        CONSTRAINT action_item_overdue_agenda_items_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_overdue_agenda_items_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE action_item_agenda_placements (
        action_item_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        council_id uuid NOT NULL,
        agenda_item_id uuid,
        due_date date NOT NULL,
        placed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_item_agenda_placements_pkey PRIMARY KEY (action_item_id, meeting_id),
        CONSTRAINT action_item_agenda_placements_item_fkey FOREIGN KEY (action_item_id, council_id) REFERENCES action_items(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_agenda_placements_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_agenda_placements_agenda_item_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX action_item_agenda_placements_meeting_idx ON action_item_agenda_placements (meeting_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_item_agenda_placements`);
    await q.query(`DROP TABLE action_item_overdue_agenda_items`);
    await q.query(`DROP TABLE council_action_item_rules`);
  }
}
