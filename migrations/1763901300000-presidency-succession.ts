import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Presidency succession, transfer and extension.
 *
 * - `council_presidency_rules`: a council's succession settings (a council without a row uses the defaults):
 *   under the designated policy the designating decision must be adopted at least `designation_lead_months`
 *   before the term ends (12); a term that ends with no successor is extended by `extension_months` (3).
 * - `presidency_waivers`: a member state waives its turn, by an adopted decision of the council — for the
 *   succession of one term (`for_term_after`, the outgoing term) or for its next turn (`for_term_after` NULL,
 *   used up by the transfer that skips it: `applied_term_id`).
 * - `presidency_designations`: under the designated policy, the member state designated by an adopted decision
 *   to succeed a term (one per term), with the decision's adoption instant.
 * - `presidency_transfers`: what followed a term, once — a transfer to the next holder (mode scheduled, early,
 *   meeting, written) or an extension of the same holder (mode 'extension'). `from_term_id` UNIQUE is the
 *   database's guarantee that a term is succeeded exactly once, whoever runs the transfer and however often.
 * - `presidency_succession_alerts`: the monthly "no successor known" alert, once per (term, month).
 * - `presidency_handover_meetings`: the meeting designated (before it is held) as the handover meeting of a term,
 *   one per term and one term per meeting: when it closes, the presidency passes at the instant it closed (the
 *   sweeper does it; the audit row 'meeting.closed' gives the instant), moving both terms' boundary.
 */
export class PresidencySuccession1763901300000 implements MigrationInterface {
  name = 'PresidencySuccession1763901300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE council_presidency_rules (
        council_id uuid PRIMARY KEY,
        designation_lead_months integer NOT NULL DEFAULT 12,
        extension_months integer NOT NULL DEFAULT 3,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT council_presidency_rules_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT council_presidency_rules_lead_range CHECK (designation_lead_months BETWEEN 0 AND 60),
        CONSTRAINT council_presidency_rules_extension_range CHECK (extension_months BETWEEN 1 AND 24)
      )`);

    await q.query(`
      CREATE TABLE presidency_waivers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        holder_kind text NOT NULL DEFAULT 'member_state',
        decision_id uuid NOT NULL,
        for_term_after uuid,
        applied_term_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presidency_waivers_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_waivers_participant_fkey FOREIGN KEY (participant_id, council_id, holder_kind)
          REFERENCES participants(id, council_id, kind) ON DELETE CASCADE,
        CONSTRAINT presidency_waivers_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id),
        CONSTRAINT presidency_waivers_term_fkey FOREIGN KEY (for_term_after) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_waivers_applied_term_fkey FOREIGN KEY (applied_term_id) REFERENCES presidency_terms(id) ON DELETE SET NULL,
        CONSTRAINT presidency_waivers_holder_kind_member_state CHECK (holder_kind = 'member_state'),
        CONSTRAINT presidency_waivers_participant_decision_key UNIQUE (participant_id, decision_id)
      )`);
    await q.query(`CREATE INDEX presidency_waivers_council_idx ON presidency_waivers (council_id)`);

    await q.query(`
      CREATE TABLE presidency_designations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        for_term_after uuid NOT NULL,
        participant_id uuid NOT NULL,
        holder_kind text NOT NULL DEFAULT 'member_state',
        decision_id uuid NOT NULL,
        adopted_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presidency_designations_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_designations_term_fkey FOREIGN KEY (for_term_after) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_designations_participant_fkey FOREIGN KEY (participant_id, council_id, holder_kind)
          REFERENCES participants(id, council_id, kind) ON DELETE CASCADE,
        CONSTRAINT presidency_designations_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id),
        CONSTRAINT presidency_designations_holder_kind_member_state CHECK (holder_kind = 'member_state'),
        CONSTRAINT presidency_designations_term_key UNIQUE (for_term_after)
      )`);
    await q.query(`CREATE INDEX presidency_designations_council_idx ON presidency_designations (council_id)`);

    await q.query(`
      CREATE TABLE presidency_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        council_id uuid NOT NULL,
        from_term_id uuid NOT NULL,
        to_term_id uuid NOT NULL,
        mode text NOT NULL,
        successor_basis text NOT NULL,
        boundary timestamptz NOT NULL,
        executed_at timestamptz NOT NULL DEFAULT now(),
        decision_id uuid,
        meeting_id uuid,
        items_moved integer NOT NULL DEFAULT 0,
        dossier_archived boolean NOT NULL DEFAULT false,
        CONSTRAINT presidency_transfers_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_transfers_from_term_fkey FOREIGN KEY (from_term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_transfers_to_term_fkey FOREIGN KEY (to_term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_transfers_decision_fkey FOREIGN KEY (decision_id, council_id) REFERENCES decisions(id, council_id),
        CONSTRAINT presidency_transfers_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id),
        CONSTRAINT presidency_transfers_from_term_key UNIQUE (from_term_id),
        CONSTRAINT presidency_transfers_to_term_key UNIQUE (to_term_id),
        CONSTRAINT presidency_transfers_distinct_terms CHECK (from_term_id <> to_term_id),
        CONSTRAINT presidency_transfers_mode_known CHECK (mode IN ('scheduled','early','meeting','written','extension')),
        CONSTRAINT presidency_transfers_basis_known CHECK (successor_basis IN ('entered','rotation','designated','extension')),
        CONSTRAINT presidency_transfers_extension_shape CHECK ((mode = 'extension') = (successor_basis = 'extension')),
        CONSTRAINT presidency_transfers_items_moved_range CHECK (items_moved >= 0)
      )`);
    await q.query(`CREATE INDEX presidency_transfers_council_boundary_idx ON presidency_transfers (council_id, boundary)`);

    await q.query(`
      CREATE TABLE presidency_succession_alerts (
        term_id uuid NOT NULL,
        period text NOT NULL,
        council_id uuid NOT NULL,
        reason text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presidency_succession_alerts_pkey PRIMARY KEY (term_id, period),
        CONSTRAINT presidency_succession_alerts_term_fkey FOREIGN KEY (term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_succession_alerts_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_succession_alerts_period_format CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        CONSTRAINT presidency_succession_alerts_reason_known CHECK (reason IN ('designation_missing','no_eligible_member'))
      )`);

    await q.query(`
      CREATE TABLE presidency_handover_meetings (
        term_id uuid NOT NULL,
        council_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        designated_at timestamptz NOT NULL DEFAULT now(),
        designated_by uuid,
        CONSTRAINT presidency_handover_meetings_pkey PRIMARY KEY (term_id),
        CONSTRAINT presidency_handover_meetings_term_fkey FOREIGN KEY (term_id) REFERENCES presidency_terms(id) ON DELETE CASCADE,
        CONSTRAINT presidency_handover_meetings_council_fkey FOREIGN KEY (council_id) REFERENCES councils(id) ON DELETE CASCADE,
        CONSTRAINT presidency_handover_meetings_meeting_fkey FOREIGN KEY (meeting_id, council_id) REFERENCES meetings(id, council_id) ON DELETE CASCADE,
        CONSTRAINT presidency_handover_meetings_designated_by_fkey FOREIGN KEY (designated_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT presidency_handover_meetings_meeting_key UNIQUE (meeting_id)
      )`);
    await q.query(`CREATE INDEX presidency_handover_meetings_council_idx ON presidency_handover_meetings (council_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE presidency_handover_meetings`);
    await q.query(`DROP TABLE presidency_succession_alerts`);
    await q.query(`DROP TABLE presidency_transfers`);
    await q.query(`DROP TABLE presidency_designations`);
    await q.query(`DROP TABLE presidency_waivers`);
    await q.query(`DROP TABLE council_presidency_rules`);
  }
}
