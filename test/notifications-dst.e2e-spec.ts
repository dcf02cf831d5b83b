import { randomBytes } from 'node:crypto';
import { OutboxService } from '../src/core/outbox/outbox.service.js';
import { instantOfLocalTime } from '../src/modules/notifications/local-time.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

/**
 * A reminder for "09:00 local" on a day the clocks change (or, in zones that
 * no longer change them, on the days they used to) is scheduled at the right
 * instant and fires exactly once. The days are in the past, so every reminder
 * is due at once.
 */

const ZONES = ['America/Toronto', 'America/Mexico_City', 'America/Tijuana', 'America/Guatemala'];
/** Canada/US changes (Toronto, Tijuana) and Mexico's former ones (first Sunday of April, last of October), 2025–2026. */
const DAYS = ['2025-03-09', '2025-04-06', '2025-10-26', '2025-11-02', '2026-03-08', '2026-04-05', '2026-10-25', '2026-11-01'];

/** The instants, worked out independently of the code under test (offsets from the tz database as of 2025). */
const EXPECTED_UTC_HOUR: Record<string, Record<string, number>> = {
  // EST −5 / EDT −4 (daylight from the 2nd Sunday of March to the 1st of November).
  'America/Toronto': {
    '2025-03-09': 13,
    '2025-04-06': 13,
    '2025-10-26': 13,
    '2025-11-02': 14,
    '2026-03-08': 13,
    '2026-04-05': 13,
    '2026-10-25': 13,
    '2026-11-01': 14,
  },
  // CST −6 all year since October 2022.
  'America/Mexico_City': {
    '2025-03-09': 15,
    '2025-04-06': 15,
    '2025-10-26': 15,
    '2025-11-02': 15,
    '2026-03-08': 15,
    '2026-04-05': 15,
    '2026-10-25': 15,
    '2026-11-01': 15,
  },
  // PST −8 / PDT −7, on the US calendar.
  'America/Tijuana': {
    '2025-03-09': 16,
    '2025-04-06': 16,
    '2025-10-26': 16,
    '2025-11-02': 17,
    '2026-03-08': 16,
    '2026-04-05': 16,
    '2026-10-25': 16,
    '2026-11-01': 17,
  },
  // CST −6, no DST.
  'America/Guatemala': {
    '2025-03-09': 15,
    '2025-04-06': 15,
    '2025-10-26': 15,
    '2025-11-02': 15,
    '2026-03-08': 15,
    '2026-04-05': 15,
    '2026-10-25': 15,
    '2026-11-01': 15,
  },
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each<QueueKind>(['postgres', 'redis'])('reminders at 09:00 local on DST change days (%s backend)', (queue) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      queue,
      worker: true,
      env: { OUTBOX_RELAY_INTERVAL_MS: '100', OUTBOX_SWEEP_INTERVAL_MS: '500', OUTBOX_SWEEP_AFTER_SECONDS: '5', SEND_LEASE_SECONDS: '30' },
    });
  });
  afterAll(() => ctx.close());

  it('schedules each at the instant of 09:00 in its zone and sends it exactly once', async () => {
    const cases: { zone: string; day: string; dueAt: Date; email: string; reminderId: string; outboxId: string }[] = [];
    const outbox = ctx.app.get(OutboxService);
    for (const zone of ZONES) {
      // A council whose only recipient is one secretariat member living in the zone (the test operator is taken out).
      const slug = `dst-${randomBytes(3).toString('hex')}`;
      const [{ id: councilId }] = (await ctx.db.query(`INSERT INTO councils (slug, name) VALUES ($1, $2) RETURNING id`, [slug, `Council ${zone}`])) as {
        id: string;
      }[];
      await ctx.db.query(`DELETE FROM council_roles WHERE council_id = $1`, [councilId]);
      const email = `${slug}@test.protempore.org`;
      const [{ id: userId }] = (await ctx.db.query(
        `INSERT INTO users (email, full_name, preferred_language, time_zone) VALUES ($1, 'Zone Resident', 'es', $2) RETURNING id`,
        [email, zone],
      )) as { id: string }[];
      await ctx.db.query(`INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'secretariat')`, [userId, councilId]);

      for (const day of DAYS) {
        const dueAt = instantOfLocalTime(day, '09:00', zone);
        const ids = await ctx.db.transaction(async (em) => {
          const [{ id: reminderId }] = (await em.query(
            `INSERT INTO council_reminders (council_id, title, message, send_at, audience) VALUES ($1, $2, 'Good morning', $3, $4) RETURNING id`,
            [councilId, `09:00 on ${day}`, dueAt, JSON.stringify({ roles: ['secretariat'], delegationIds: [] })],
          )) as { id: string }[];
          const outboxId = await outbox.schedule(em, `dst-${reminderId}`, dueAt, {
            councilId,
            kind: 'council.reminder',
            subjectType: 'council_reminder',
            subjectId: reminderId,
          });
          return { reminderId, outboxId };
        });
        cases.push({ zone, day, dueAt, email, ...ids });
      }
    }
    expect(cases).toHaveLength(ZONES.length * DAYS.length);

    // The instants: 09:00 local, as worked out by hand.
    for (const c of cases)
      expect({ zone: c.zone, day: c.day, at: c.dueAt.toISOString() }).toEqual({
        zone: c.zone,
        day: c.day,
        at: `${c.day}T${String(EXPECTED_UTC_HOUR[c.zone]![c.day]).padStart(2, '0')}:00:00.000Z`,
      });

    // All due: the worker sends them.
    await until('all reminders sent', async () => {
      const [{ n }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent'`)) as { n: number }[];
      return n >= cases.length ? n : undefined;
    });
    // Give a relay and a sweep time to (wrongly) fire anything twice.
    await new Promise((r) => setTimeout(r, 1500));

    const rows = (await ctx.db.query(
      `SELECT o.id::text AS id, o.due_at, o.status, count(d.id)::int AS deliveries, min(d.status) AS delivery_status, min(d.id)::text AS delivery_id
         FROM outbox o LEFT JOIN deliveries d ON d.outbox_id = o.id GROUP BY o.id`,
    )) as { id: string; due_at: Date; status: string; deliveries: number; delivery_status: string; delivery_id: string }[];
    expect(rows).toHaveLength(cases.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of cases) {
      const row = byId.get(c.outboxId)!;
      expect({
        zone: c.zone,
        day: c.day,
        dueAt: new Date(row.due_at).toISOString(),
        status: row.status,
        deliveries: row.deliveries,
        sent: row.delivery_status,
      }).toEqual({
        zone: c.zone,
        day: c.day,
        dueAt: c.dueAt.toISOString(),
        status: 'done',
        deliveries: 1,
        sent: 'sent',
      });
      // One message at SMTP, to the resident, saying 09:00 (their zone, their language).
      const mails = ctx.mail.messages.filter((m) => m.parsed.messageId === `<delivery-${row.delivery_id}@protempore>`);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual([c.email]);
      expect(mails[0]!.subject).toContain(`09:00 on ${c.day}`);
      expect(mails[0]!.text).toContain(', 09:00 (');
    }
    expect(ctx.mail.messages).toHaveLength(cases.length);
    const [{ n: total }] = (await ctx.db.query(`SELECT count(*)::int AS n FROM deliveries`)) as { n: number }[];
    expect(total).toBe(cases.length);
  });
});
