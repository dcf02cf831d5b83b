import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Action items: what someone must do, by when, and how it is going.
 *
 * - `action_items`: a title (and description) per working language; an owner —
 *   a delegation, a body, or "the presidency" (owner_kind 'presidency' keeps the
 *   holder's delegation in owner_delegation_id, so the handover moves the item by
 *   changing that column) — plus an optional person; a due date (a calendar day
 *   of the council's time zone); a priority; where it came from (a decision, a
 *   meeting, a recommendation, or nothing) and, whatever the source, the
 *   recommendation it serves; an optional target (50000 'people'); a status whose
 *   timestamps the CHECKs hold; the latest progress (percent, red/amber/green)
 *   copied from the last update; a carry-over tag for the handover. Overdue is
 *   never stored: it is derived from the due date and the status.
 * - `action_item_updates`: the history — progress reports (text, percent, rag,
 *   attachment link), status changes (from → to, with the reason), reassignments.
 *
 * Indexes: every list is keyset-paged on (due_date, id), so each way in has an
 * index ending in (due_date, id) — the delegation's open items (partial, the hot
 * path at a million rows), the delegation's items, a body's, the council's (all
 * and open), a meeting's; counts by status come from (…, status, due_date)
 * indexes scanned index-only; the handover finds the presidency's open items by
 * a partial index.
 */
export class ActionItems1763901000000 implements MigrationInterface {
  name = 'ActionItems1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        title jsonb NOT NULL,
        description jsonb,
        owner_kind text NOT NULL,
        owner_delegation_id uuid,
        owner_body_id uuid,
        owner_user_id uuid,
        due_date date NOT NULL,
        priority text NOT NULL DEFAULT 'normal',
        source_kind text NOT NULL DEFAULT 'none',
        decision_id uuid,
        meeting_id uuid,
        recommendation_id uuid,
        target_value numeric,
        target_unit text,
        status text NOT NULL DEFAULT 'open',
        acknowledged_at timestamptz,
        done_at timestamptz,
        verified_at timestamptz,
        verified_by uuid,
        cancelled_at timestamptz,
        cancel_reason text,
        cancel_decision_id uuid,
        progress_percent integer,
        progress_rag text,
        progress_at timestamptz,
        carried_over boolean NOT NULL DEFAULT false,
        carry_over_tag text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_items_id_council_key UNIQUE (id, council_id),
        CONSTRAINT action_items_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT action_items_owner_delegation_fkey FOREIGN KEY (owner_delegation_id, council_id) REFERENCES delegations(id, council_id),
        CONSTRAINT action_items_owner_body_fkey FOREIGN KEY (owner_body_id, council_id) REFERENCES bodies(id, council_id),
        CONSTRAINT action_items_owner_user_fkey FOREIGN KEY (owner_user_id) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT action_items_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id),
        CONSTRAINT action_items_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id),
        CONSTRAINT action_items_recommendation_fkey FOREIGN KEY (recommendation_id) REFERENCES recommendations(id),
        CONSTRAINT action_items_cancel_decision_fkey FOREIGN KEY (cancel_decision_id, council_id) REFERENCES decisions(id, council_id),
        CONSTRAINT action_items_verified_by_fkey FOREIGN KEY (verified_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT action_items_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT action_items_title_shape CHECK (jsonb_typeof(title) = 'object' AND title <> '{}'::jsonb),
        CONSTRAINT action_items_description_shape CHECK (description IS NULL OR (jsonb_typeof(description) = 'object' AND description <> '{}'::jsonb)),
        CONSTRAINT action_items_owner_kind_known CHECK (owner_kind IN ('delegation','body','presidency')),
        CONSTRAINT action_items_owner_shape CHECK (
          (owner_kind IN ('delegation','presidency') AND owner_delegation_id IS NOT NULL AND owner_body_id IS NULL)
          OR (owner_kind = 'body' AND owner_body_id IS NOT NULL AND owner_delegation_id IS NULL)),
        CONSTRAINT action_items_priority_known CHECK (priority IN ('low','normal','high','urgent')),
        CONSTRAINT action_items_source_kind_known CHECK (source_kind IN ('decision','meeting','recommendation','none')),
        CONSTRAINT action_items_source_shape CHECK (
          (source_kind = 'none' AND decision_id IS NULL AND meeting_id IS NULL)
          OR (source_kind = 'decision' AND decision_id IS NOT NULL)
          OR (source_kind = 'meeting' AND decision_id IS NULL AND meeting_id IS NOT NULL)
          OR (source_kind = 'recommendation' AND recommendation_id IS NOT NULL AND decision_id IS NULL AND meeting_id IS NULL)),
        CONSTRAINT action_items_target_shape CHECK (
          (target_value IS NULL AND target_unit IS NULL) OR (target_value > 0 AND btrim(target_unit) <> '')),
        CONSTRAINT action_items_status_known CHECK (status IN ('open','acknowledged','in_progress','blocked','done','verified','cancelled')),
        CONSTRAINT action_items_acknowledged_shape CHECK (status = 'cancelled' OR (status = 'open') = (acknowledged_at IS NULL)),
        CONSTRAINT action_items_done_shape CHECK (status = 'cancelled' OR (status IN ('done','verified')) = (done_at IS NOT NULL)),
        CONSTRAINT action_items_verified_shape CHECK ((status = 'verified') = (verified_at IS NOT NULL)),
        CONSTRAINT action_items_cancelled_shape CHECK (
          (status = 'cancelled') = (cancelled_at IS NOT NULL)
          AND (status = 'cancelled') = (cancel_reason IS NOT NULL)
          AND (cancel_decision_id IS NULL OR status = 'cancelled')),
        CONSTRAINT action_items_cancel_reason_not_blank CHECK (btrim(cancel_reason) <> ''),
        CONSTRAINT action_items_progress_percent_range CHECK (progress_percent BETWEEN 0 AND 100),
        CONSTRAINT action_items_progress_rag_known CHECK (progress_rag IN ('red','amber','green')),
        CONSTRAINT action_items_carry_over_shape CHECK (carry_over_tag IS NULL OR carried_over)
      )`);
    const OPEN = `status IN ('open','acknowledged','in_progress','blocked')`;
    // "My delegation's open items, due first": the hot path (also "the presidency's", whose holder's delegation is stored).
    await q.query(`CREATE INDEX action_items_delegation_open_due_idx ON action_items (owner_delegation_id, due_date, id) WHERE ${OPEN}`);
    await q.query(`CREATE INDEX action_items_delegation_due_idx ON action_items (owner_delegation_id, due_date, id)`);
    await q.query(`CREATE INDEX action_items_body_due_idx ON action_items (owner_body_id, due_date, id)`);
    await q.query(`CREATE INDEX action_items_council_open_due_idx ON action_items (council_id, due_date, id) WHERE ${OPEN}`);
    await q.query(`CREATE INDEX action_items_council_due_idx ON action_items (council_id, due_date, id)`);
    await q.query(`CREATE INDEX action_items_meeting_due_idx ON action_items (meeting_id, due_date, id)`);
    await q.query(`CREATE INDEX action_items_decision_idx ON action_items (decision_id)`);
    await q.query(`CREATE INDEX action_items_recommendation_status_idx ON action_items (recommendation_id, status)`);
    // Counts by status (and overdue = open-ish and due before today) for dashboards, index-only.
    await q.query(`CREATE INDEX action_items_council_status_due_idx ON action_items (council_id, status, due_date)`);
    await q.query(`CREATE INDEX action_items_delegation_status_due_idx ON action_items (owner_delegation_id, status, due_date)`);
    // The handover moves the presidency's open items to the new holder.
    await q.query(`CREATE INDEX action_items_presidency_open_idx ON action_items (council_id) WHERE owner_kind = 'presidency' AND ${OPEN}`);
    await q.query(`CREATE INDEX action_items_owner_user_idx ON action_items (owner_user_id) WHERE owner_user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE action_item_updates (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        council_id uuid NOT NULL,
        action_item_id uuid NOT NULL,
        kind text NOT NULL,
        text text,
        percent integer,
        rag text,
        attachment_url text,
        status_from text,
        status_to text,
        author_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_item_updates_item_fkey FOREIGN KEY (action_item_id, council_id) REFERENCES action_items(id, council_id) ON DELETE CASCADE,
        CONSTRAINT action_item_updates_author_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT action_item_updates_kind_known CHECK (kind IN ('progress','transition','reassignment')),
        CONSTRAINT action_item_updates_text_not_blank CHECK (btrim(text) <> ''),
        CONSTRAINT action_item_updates_percent_range CHECK (percent BETWEEN 0 AND 100),
        CONSTRAINT action_item_updates_rag_known CHECK (rag IN ('red','amber','green')),
        CONSTRAINT action_item_updates_attachment_url_format CHECK (attachment_url ~ '^https?://[^\\s]+$'),
        CONSTRAINT action_item_updates_status_known CHECK (
          status_from IN ('open','acknowledged','in_progress','blocked','done','verified','cancelled')
          AND status_to IN ('open','acknowledged','in_progress','blocked','done','verified','cancelled')),
        CONSTRAINT action_item_updates_shape CHECK (
          (kind = 'transition') = (status_from IS NOT NULL AND status_to IS NOT NULL)
          AND (kind <> 'transition' OR status_from <> status_to)
          AND (kind <> 'progress' OR text IS NOT NULL)
          AND (kind <> 'reassignment' OR text IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX action_item_updates_item_idx ON action_item_updates (action_item_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE action_item_updates`);
    await q.query(`DROP TABLE action_items`);
  }
}
