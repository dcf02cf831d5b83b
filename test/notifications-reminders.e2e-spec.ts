import { randomUUID } from 'node:crypto';
import { secretariat } from './support/actors.js';
import {
  FAST_NOTIFICATIONS,
  countsByRecipient,
  createReminder,
  deliveriesOf,
  inboxOf,
  mailsAbout,
  newCouncil,
  newDelegation,
  outboxOf,
  type Person,
  seated,
  sleep,
  until,
  waitForEach,
  waitUntilInstant,
} from './support/notifications.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

/**
 * Council reminders end to end: the secretariat schedules, moves and cancels
 * reminders through the API; the real worker (relay, dispatch, send, sweeper)
 * sends them through SMTP to a sink; the ledger and the inbox are read back.
 */
describe.each<QueueKind>(['postgres', 'redis'])('council reminders on the %s queue', (queue) => {
  let ctx: TestContext;
  let councilId: string;
  let mx: string;
  let ca: string;
  let br: string;
  let mxHead: Person;
  let mxAdviser: Person;
  let caHead: Person;
  let brAlternate: Person;
  let caAdviserInactive: Person;
  let brHeadDisabled: Person;
  let otherSecretariat: { userId: string; email: string };
  const operatorEmail = 'operator@test.protempore.org';

  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true, env: FAST_NOTIFICATIONS });
    councilId = await newCouncil(ctx);
    [mx, ca, br] = await Promise.all([
      newDelegation(ctx, councilId, 'Mexico', 'MX'),
      newDelegation(ctx, councilId, 'Canada', 'CA'),
      newDelegation(ctx, councilId, 'Brazil', 'BR'),
    ]);
    mxHead = await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: 'America/Mexico_City' });
    mxAdviser = await seated(ctx, councilId, mx, 'adviser', { language: 'es', timeZone: 'America/Mexico_City' });
    caHead = await seated(ctx, councilId, ca, 'head', { language: 'fr', timeZone: 'America/Toronto' });
    brAlternate = await seated(ctx, councilId, br, 'alternate', { language: 'pt', timeZone: 'America/Sao_Paulo' });
    caAdviserInactive = await seated(ctx, councilId, ca, 'adviser');
    await ctx.db.query(`UPDATE delegates SET active = false WHERE id = $1`, [caAdviserInactive.delegateId]);
    brHeadDisabled = await seated(ctx, councilId, br, 'head');
    await ctx.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [brHeadDisabled.userId]);
    const sec = await secretariat(ctx, councilId);
    const [row] = (await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [sec.userId])) as { email: string }[];
    otherSecretariat = { userId: sec.userId, email: row!.email };
  });
  afterAll(() => ctx?.close());

  it('sends a reminder once at its time, a moved one at its new time only, and a cancelled one never', async () => {
    const tag = randomUUID().slice(0, 8);
    const t0 = Date.now();
    const at = new Date(t0 + 3_000);
    const later = new Date(t0 + 5_000);
    const fires = await createReminder(ctx, councilId, { title: `Fires ${tag}`, sendAt: at, audience: { roles: ['head'] } });
    const moved = await createReminder(ctx, councilId, { title: `Moved ${tag}`, sendAt: at, audience: { delegationIds: [br] } });
    const dropped = await createReminder(ctx, councilId, { title: `Dropped ${tag}`, sendAt: at, audience: {} });
    expect(fires).toMatchObject({ status: 'scheduled', version: 1, sendAt: at.toISOString() });

    const patched = await ctx
      .http()
      .patch(`/councils/${councilId}/reminders/${moved.id}`)
      .send({ version: moved.version, sendAt: later.toISOString() })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'scheduled', version: 2, sendAt: later.toISOString() });
    const cancelled = await ctx.http().delete(`/councils/${councilId}/reminders/${dropped.id}?version=${dropped.version}`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 2 });
    // The moved reminder keeps one live outbox row, now in its second generation; the cancelled one's is closed.
    expect((await outboxOf(ctx, moved.id)).map((r) => [r.status, r.generation])).toEqual([['pending', 2]]);
    expect((await outboxOf(ctx, dropped.id)).map((r) => r.status)).toEqual(['cancelled']);

    // Not before its time: nothing arrives and nothing is made while the clock runs up to shortly before sendAt.
    const quietUntil = at.getTime() - 300;
    while (Date.now() < quietUntil) {
      expect(mailsAbout(ctx, tag)).toEqual([]);
      await sleep(100);
    }
    expect(await deliveriesOf(ctx, fires.id)).toEqual([]);

    // At its time: one message per head with an enabled account (Brazil's head is disabled).
    const heads = [mxHead.email, caHead.email];
    const got = await waitForEach(ctx, heads, `Fires ${tag}`);
    for (const m of got.values()) expect(m.receivedAt.getTime()).toBeGreaterThanOrEqual(at.getTime());

    // The moved reminder's old time has passed by several relay intervals: nothing was made or sent for it before its
    // new time (on a loaded machine the new time may already have come by now).
    await waitUntilInstant(new Date(at.getTime() + 1_000));
    expect(mailsAbout(ctx, `Moved ${tag}`).filter((m) => m.receivedAt.getTime() < later.getTime())).toEqual([]);
    expect((await deliveriesOf(ctx, moved.id)).filter((d) => d.created_at.getTime() < later.getTime())).toEqual([]);

    // At its new time it is sent, once, to its delegation.
    const movedMail = await waitForEach(ctx, [brAlternate.email], `Moved ${tag}`);
    expect(movedMail.get(brAlternate.email)!.receivedAt.getTime()).toBeGreaterThanOrEqual(later.getTime());

    // Let the relay and the sweeper run a few more times: still exactly one message each, nothing for the cancelled one.
    await sleep(1_200);
    expect(countsByRecipient(ctx, `Fires ${tag}`)).toEqual({ [mxHead.email]: 1, [caHead.email]: 1 });
    expect(countsByRecipient(ctx, `Moved ${tag}`)).toEqual({ [brAlternate.email]: 1 });
    expect(mailsAbout(ctx, `Dropped ${tag}`)).toEqual([]);

    // The ledger: one sent row per recipient, made no earlier than sendAt (database clock), with the Message-ID used.
    const firesLedger = await deliveriesOf(ctx, fires.id);
    expect(firesLedger.map((d) => [d.recipient, d.status]).sort()).toEqual([...heads].sort().map((e) => [e, 'sent']));
    for (const d of firesLedger) {
      expect(d.created_at.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(d.message_id).toBe(`<delivery-${d.id}@protempore>`);
      expect(got.get(d.recipient)!.parsed.messageId).toBe(d.message_id);
    }
    expect((await deliveriesOf(ctx, moved.id)).map((d) => [d.recipient, d.status])).toEqual([[brAlternate.email, 'sent']]);
    expect(await deliveriesOf(ctx, dropped.id)).toEqual([]);

    // The inbox: one notification per recipient, linked to its delivery.
    const inbox = await inboxOf(ctx, fires.id);
    expect(inbox.map((n) => n.user_id).sort()).toEqual([mxHead.userId, caHead.userId].sort());
    expect(new Set(inbox.map((n) => n.delivery_id))).toEqual(new Set(firesLedger.map((d) => d.id)));
    expect((await inboxOf(ctx, moved.id)).map((n) => n.user_id)).toEqual([brAlternate.userId]);
    expect(await inboxOf(ctx, dropped.id)).toEqual([]);

    // The reminders' own states, and the outbox rows closed.
    const list = await ctx.http().get(`/councils/${councilId}/reminders`).expect(200);
    const status = Object.fromEntries((list.body.items as { id: string; status: string }[]).map((r) => [r.id, r.status]));
    expect([status[fires.id], status[moved.id], status[dropped.id]]).toEqual(['sent', 'sent', 'cancelled']);
    expect((await outboxOf(ctx, fires.id)).map((r) => r.status)).toEqual(['done']);
    expect((await outboxOf(ctx, moved.id)).map((r) => r.status)).toEqual(['done']);

    // A sent or cancelled reminder can no longer change.
    await ctx
      .http()
      .patch(`/councils/${councilId}/reminders/${fires.id}`)
      .send({ version: 1, sendAt: new Date(Date.now() + 60_000).toISOString() })
      .expect(409);
    await ctx.http().delete(`/councils/${councilId}/reminders/${dropped.id}?version=2`).expect(409);
  }, 30_000);

  it('chooses recipients by role and by delegation: active seats and enabled accounts only, the secretariat only when named', async () => {
    const tag = randomUUID().slice(0, 8);
    const at = new Date(Date.now() + 1_500);
    const audiences: Record<string, { roles?: string[]; delegationIds?: string[] }> = {
      heads: { roles: ['head'] },
      mexico: { delegationIds: [mx] },
      advisers: { roles: ['adviser'], delegationIds: [ca, mx] },
      secretariat: { roles: ['secretariat'] },
      alternatesAndSecretariat: { roles: ['alternate', 'secretariat'] },
      everyone: {},
    };
    const ids: Record<string, string> = {};
    for (const [name, audience] of Object.entries(audiences)) {
      ids[name] = (await createReminder(ctx, councilId, { title: `${name} ${tag}`, sendAt: at, audience })).id;
    }
    const secretariatEmails = [operatorEmail, otherSecretariat.email];
    const expected: Record<string, string[]> = {
      heads: [mxHead.email, caHead.email],
      mexico: [mxHead.email, mxAdviser.email],
      advisers: [mxAdviser.email],
      secretariat: secretariatEmails,
      alternatesAndSecretariat: [brAlternate.email, ...secretariatEmails],
      everyone: [mxHead.email, mxAdviser.email, caHead.email, brAlternate.email],
    };
    // Every reminder dispatched and each of its deliveries sent.
    await until(
      'all reminders sent',
      async () => {
        const rows = (await ctx.db.query(`SELECT count(*)::int AS n FROM outbox WHERE subject_id = ANY($1) AND status = 'done'`, [Object.values(ids)])) as {
          n: number;
        }[];
        if (rows[0]!.n !== Object.keys(ids).length) return undefined;
        const unsent = (await ctx.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE subject_id = ANY($1) AND status <> 'sent'`, [
          Object.values(ids),
        ])) as {
          n: number;
        }[];
        return unsent[0]!.n === 0 ? true : undefined;
      },
      15_000,
    );
    const actual: Record<string, string[]> = {};
    for (const [name, id] of Object.entries(ids)) actual[name] = (await deliveriesOf(ctx, id)).map((d) => d.recipient).sort();
    expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [...v].sort()])));
    // And the mails match the ledger, one per recipient (a subject is "<phrase> <name> <tag>").
    await until('the mails of every delivery', () => (mailsAbout(ctx, tag).length === Object.values(expected).flat().length ? true : undefined));
    for (const [name, emails] of Object.entries(expected)) {
      expect(countsByRecipient(ctx, ` ${name} ${tag}`)).toEqual(Object.fromEntries(emails.map((e) => [e, 1])));
    }
    expect(mailsAbout(ctx, tag).some((m) => m.to.includes(caAdviserInactive.email) || m.to.includes(brHeadDisabled.email))).toBe(false);
  }, 30_000);

  it("names only the council's own delegations: another council's delegation, or an id of another kind of row, is not found (found by test/fuzz)", async () => {
    const other = await newCouncil(ctx);
    const foreign = await newDelegation(ctx, other, 'Panama', 'PA');
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    for (const delegationIds of [[mx, foreign], [councilId], [randomUUID()]]) {
      const before = (await ctx.db.query(`SELECT count(*)::int AS n FROM council_reminders WHERE council_id = $1`, [councilId])) as { n: number }[];
      const res = await ctx.http().post(`/councils/${councilId}/reminders`).send({ title: 'Foreign', message: 'M', sendAt, audience: { delegationIds } });
      expect({ delegationIds, status: res.status, code: res.body.code }).toEqual({ delegationIds, status: 404, code: 'NOT_FOUND' });
      const after = (await ctx.db.query(`SELECT count(*)::int AS n FROM council_reminders WHERE council_id = $1`, [councilId])) as { n: number }[];
      expect(after[0]!.n).toBe(before[0]!.n);
    }
    const reminder = await createReminder(ctx, councilId, { title: 'Own', sendAt: new Date(sendAt), audience: { delegationIds: [mx] } });
    const moved = await ctx
      .http()
      .patch(`/councils/${councilId}/reminders/${reminder.id}`)
      .send({ version: reminder.version, audience: { delegationIds: [foreign] } });
    expect({ status: moved.status, code: moved.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const kept = await ctx.http().get(`/councils/${councilId}/reminders/${reminder.id}`).expect(200);
    expect(kept.body.audience.delegationIds).toEqual([mx]);
  });
});
