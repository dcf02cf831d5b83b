// Bulk action items for bench/action-items.mjs (one INSERT … SELECT generate_series).

/**
 * `count` action items, round-robin over the member states' delegations, in one
 * INSERT … SELECT generate_series: due dates spread from 400 days ago to 800
 * days ahead; statuses ≈ 12 % open, 8 % acknowledged, 18 % in progress, 5 %
 * blocked, 20 % done, 32 % verified, 5 % cancelled, with the timestamps the
 * CHECK constraints require; priorities and progress figures varied.
 */
export async function seedActionItems(ds, councilId, count) {
  await ds.query(
    `INSERT INTO action_items (council_id, title, description, owner_kind, owner_delegation_id, due_date, priority, source_kind, status,
                               acknowledged_at, done_at, verified_at, cancelled_at, cancel_reason, progress_percent, progress_rag, progress_at,
                               created_at, updated_at)
     SELECT $1, jsonb_build_object('en', 'Action item ' || g, 'es', 'Acción ' || g),
            CASE WHEN g % 3 = 0 THEN jsonb_build_object('en', 'What has to be done for item ' || g) END,
            'delegation', d.ids[1 + g % array_length(d.ids, 1)], t.today + ((g::bigint * 104729) % 1200 - 400)::int,
            (ARRAY['low','normal','normal','high','urgent'])[1 + g % 5], 'none', s.status,
            CASE WHEN s.status NOT IN ('open','cancelled') THEN t.now - interval '300 days' END,
            CASE WHEN s.status IN ('done','verified') THEN t.now - interval '30 days' END,
            CASE WHEN s.status = 'verified' THEN t.now - interval '10 days' END,
            CASE WHEN s.status = 'cancelled' THEN t.now - interval '20 days' END,
            CASE WHEN s.status = 'cancelled' THEN 'superseded' END,
            CASE WHEN s.status IN ('in_progress','blocked') THEN (g % 101)::int END,
            CASE WHEN s.status IN ('in_progress','blocked') THEN (ARRAY['red','amber','green'])[1 + g % 3] END,
            CASE WHEN s.status IN ('in_progress','blocked') THEN t.now - interval '5 days' END,
            t.now - interval '400 days', t.now - interval '5 days'
       FROM generate_series(1, $2::int) g
      CROSS JOIN (SELECT array_agg(dl.id ORDER BY p.rotation_position) AS ids
                    FROM delegations dl JOIN participants p ON p.id = dl.participant_id
                   WHERE dl.council_id = $1 AND p.kind = 'member_state') d
      CROSS JOIN (SELECT (now() AT TIME ZONE time_zone)::date AS today, now() AS now FROM councils WHERE id = $1) t
      CROSS JOIN LATERAL (SELECT CASE
              WHEN (g::bigint * 7919) % 100 < 12 THEN 'open'
              WHEN (g::bigint * 7919) % 100 < 20 THEN 'acknowledged'
              WHEN (g::bigint * 7919) % 100 < 38 THEN 'in_progress'
              WHEN (g::bigint * 7919) % 100 < 43 THEN 'blocked'
              WHEN (g::bigint * 7919) % 100 < 63 THEN 'done'
              WHEN (g::bigint * 7919) % 100 < 95 THEN 'verified'
              ELSE 'cancelled' END AS status) s`,
    [councilId, count],
  );
}
