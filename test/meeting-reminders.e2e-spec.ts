import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ReceivedMail } from '../src/core/embedded/mail-sink.js';
import { MEETING_NOTICE_KINDS } from '../src/modules/meetings/meeting-notices.js';
import { relativeDays } from '../src/modules/notifications/templates/local-date-time.js';
import type { MessageLanguage } from '../src/modules/notifications/templates/index.js';
import { DICTIONARIES } from '../src/modules/notifications/templates/translations/index.js';
import {
  FAST_NOTIFICATIONS,
  countsByRecipient,
  deliveriesOf,
  mailsAbout,
  mailsTo,
  newCouncil,
  newDelegation,
  type Person,
  seated,
  sleep,
  until,
  waitForEach,
  waitUntilInstant,
} from './support/notifications.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'America/Mexico_City';

/** The text of an .ics attachment as content lines (RFC 5545 §3.1: CRLF, folded lines unfolded). */
function icsLines(m: ReceivedMail): string[] {
  const ics = m.parsed.attachments.find((a) => a.filename === 'invite.ics');
  expect(ics?.contentType).toBe('text/calendar');
  const text = ics!.content.toString('utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

/** "20261124T124500": the local time of `at` in `zone`, as DTSTART;TZID=… writes it. */
const icsLocal = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("yyyyMMdd'T'HHmmss");

/**
 * Meeting reminders end to end: meetings convened, moved, cancelled and postponed through the API; the real
 * worker sends the reminders (7 days and 1 day before the start) to the heads of delegation through SMTP to a
 * sink. Meetings start a little more than 1 (or 7) days ahead, so the real offsets fall a few seconds from now.
 */
describe.each<QueueKind>(['postgres', 'redis'])('meeting reminders on the %s queue', (queue) => {
  let ctx: TestContext;
  let councilId: string;
  let heads: { person: Person; lang: MessageLanguage }[];
  let others: Person[];

  const base = () => `/councils/${councilId}/meetings`;
  const version = async (id: string) => ((await ctx.db.query(`SELECT version FROM meetings WHERE id = $1`, [id])) as { version: number }[])[0]!.version;
  const outboxOf = (id: string) =>
    ctx.db.query(
      `SELECT reminder_key AS key, status, generation, due_at AS "dueAt", occurrence FROM outbox WHERE subject_id = $1 AND kind = 'meeting.reminder' ORDER BY id`,
      [id],
    ) as Promise<{ key: string; status: string; generation: number; dueAt: Date; occurrence: string }[]>;

  async function convened(title: string, startsAt: Date): Promise<string> {
    const res = await ctx
      .http()
      .post(base())
      .send({
        kind: 'extraordinary',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        timeZone: ZONE,
        venue: 'Sala 3, Cancillería',
        onlineUrl: 'https://meet.example.org/x',
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    const id = res.body.id as string;
    await transition(id, 'convened', { consent: { note: 'Agreed by all heads by email' } });
    return id;
  }

  async function transition(id: string, to: string, extra: Record<string, unknown> = {}): Promise<void> {
    const res = await ctx
      .http()
      .post(`${base()}/${id}/transitions`)
      .send({ to, version: await version(id), ...extra });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true, env: FAST_NOTIFICATIONS });
    councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], `Consejo ${randomUUID().slice(0, 8)}`);
    const [mx, ca, br, jp] = await Promise.all([
      newDelegation(ctx, councilId, 'Mexico', 'MX'),
      newDelegation(ctx, councilId, 'Canada', 'CA'),
      newDelegation(ctx, councilId, 'Brazil', 'BR'),
      newDelegation(ctx, councilId, 'Japan', 'JP'),
    ]);
    heads = [
      { person: await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: 'America/Mexico_City' }), lang: 'es' },
      { person: await seated(ctx, councilId, ca, 'head', { language: 'fr', timeZone: 'America/Toronto' }), lang: 'fr' },
      { person: await seated(ctx, councilId, br, 'head', { language: 'pt', timeZone: 'America/Sao_Paulo' }), lang: 'pt' },
      { person: await seated(ctx, councilId, jp, 'head', { language: 'en', timeZone: 'Asia/Tokyo' }), lang: 'en' },
    ];
    others = [await seated(ctx, councilId, mx, 'alternate'), await seated(ctx, councilId, ca, 'adviser')];
    // This file is about the reminders: the heads switch the other meeting notices (convened, cancelled …) off — their
    // inbox still gets them. test/meeting-notices.e2e-spec.ts covers those.
    for (const { person } of heads) {
      for (const kind of MEETING_NOTICE_KINDS) {
        await ctx.db.query(`INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1, $2, 'off')`, [person.userId, kind]);
      }
    }
  });
  afterAll(() => ctx?.close());

  it('reminds each head once at 7 days and 1 day before, in their language with an invite.ics; moved: at the new time only; called off: never', async () => {
    const tag = randomUUID().slice(0, 8);
    const t0 = Date.now();
    // Ten seconds for the setup below (about ten requests), with room for a loaded machine.
    const due = new Date(t0 + 10_000);
    const movedDue = new Date(t0 + 13_000);

    // Starts in 1 day (+10 s): the 1-day reminder is due in 10 s, the 7-day one already passed (not planned).
    const tomorrow = await convened(`Tomorrow ${tag}`, new Date(due.getTime() + DAY));
    // Starts in 7 days (+10 s): the 7-day reminder is due in 10 s, the 1-day one in 6 days.
    const nextWeek = await convened(`Next week ${tag}`, new Date(due.getTime() + 7 * DAY));
    // Convened for tomorrow, then moved 3 s later: one reminder, at the new time.
    const moved = await convened(`Moved ${tag}`, new Date(due.getTime() + DAY));
    const patched = await ctx
      .http()
      .patch(`${base()}/${moved}`)
      .send({
        version: await version(moved),
        startsAt: new Date(movedDue.getTime() + DAY).toISOString(),
        endsAt: new Date(movedDue.getTime() + DAY + HOUR).toISOString(),
      });
    expect(patched.status).toBe(200);
    // Cancelled and postponed: their reminders are cancelled in the same transaction.
    const cancelled = await convened(`Cancelled ${tag}`, new Date(due.getTime() + DAY));
    await transition(cancelled, 'cancelled');
    const postponed = await convened(`Postponed ${tag}`, new Date(due.getTime() + DAY));
    await transition(postponed, 'postponed');
    // Moved behind the API's back (no reschedule): the reminder fires for a start the meeting no longer has, and says nothing.
    const stale = await convened(`Stale ${tag}`, new Date(due.getTime() + DAY));
    await ctx.db.query(`UPDATE meetings SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1`, [stale]);
    expect(Date.now()).toBeLessThan(due.getTime() - 500);

    // The outbox: one live row per reminder still ahead, under meeting-<id>-<offset>, due N calendar days before the start.
    const startOf = async (id: string) =>
      new Date(((await ctx.db.query(`SELECT starts_at FROM meetings WHERE id = $1`, [id])) as { starts_at: Date }[])[0]!.starts_at);
    const tomorrowStart = await startOf(tomorrow);
    const nextWeekStart = await startOf(nextWeek);
    const movedStart = await startOf(moved);
    expect(await outboxOf(tomorrow)).toEqual([
      { key: `meeting-${tomorrow}-1d`, status: 'pending', generation: 1, dueAt: due, occurrence: `1d@${tomorrowStart.toISOString()}` },
    ]);
    expect((await outboxOf(nextWeek)).map((r) => [r.key, r.status, r.dueAt.toISOString()])).toEqual([
      [`meeting-${nextWeek}-7d`, 'pending', due.toISOString()],
      [`meeting-${nextWeek}-1d`, 'pending', new Date(nextWeekStart.getTime() - DAY).toISOString()],
    ]);
    expect(await outboxOf(moved)).toEqual([
      { key: `meeting-${moved}-1d`, status: 'pending', generation: 2, dueAt: movedDue, occurrence: `1d@${movedStart.toISOString()}` },
    ]);
    expect((await outboxOf(cancelled)).map((r) => r.status)).toEqual(['cancelled']);
    expect((await outboxOf(postponed)).map((r) => r.status)).toEqual(['cancelled']);

    // Not before its time.
    while (Date.now() < due.getTime() - 300) {
      expect(mailsAbout(ctx, tag)).toEqual([]);
      await sleep(100);
    }

    // At its time: each head, in their language ("tomorrow" / "in 7 days"), with the meeting as an invite.ics.
    const emails = heads.map((h) => h.person.email);
    const gotTomorrow = await waitForEach(ctx, emails, `Tomorrow ${tag}`);
    const gotNextWeek = await waitForEach(ctx, emails, `Next week ${tag}`);
    for (const { person, lang } of heads) {
      const subject = (title: string, days: number) =>
        DICTIONARIES[lang]['meeting.reminder.subject'].replace('{{meetingTitle}}', title).replace('{{relative}}', relativeDays(days, lang));
      const m = gotTomorrow.get(person.email)!;
      expect(m.receivedAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
      expect(m.subject).toBe(subject(`Tomorrow ${tag}`, 1));
      expect(gotNextWeek.get(person.email)!.subject).toBe(subject(`Next week ${tag}`, 7));
      expect(m.text).toContain('Sala 3, Cancillería');
      expect(m.text).toContain('https://meet.example.org/x');

      const lines = icsLines(m);
      const host = new URL(ctx.config.publicUrl).hostname;
      expect(lines).toEqual(
        expect.arrayContaining([
          'METHOD:REQUEST',
          'BEGIN:VTIMEZONE',
          `TZID:${ZONE}`,
          `UID:meeting-${tomorrow}@${host}`,
          `DTSTART;TZID=${ZONE}:${icsLocal(tomorrowStart, ZONE)}`,
          `DTEND;TZID=${ZONE}:${icsLocal(new Date(tomorrowStart.getTime() + 2 * HOUR), ZONE)}`,
          `SUMMARY:Tomorrow ${tag}`,
          'LOCATION:Sala 3\\, Cancillería',
          'STATUS:CONFIRMED',
        ]),
      );
      expect(lines.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
      expect(icsLines(gotNextWeek.get(person.email)!)).toContain(`DTSTART;TZID=${ZONE}:${icsLocal(nextWeekStart, ZONE)}`);
    }

    // Moved after its reminder went out: the reminder is due again for the new start (a new occurrence), and goes out again.
    const again = new Date(Date.now() + 1_500);
    const movedAgain = await ctx
      .http()
      .patch(`${base()}/${tomorrow}`)
      .send({
        version: await version(tomorrow),
        startsAt: new Date(again.getTime() + DAY).toISOString(),
        endsAt: new Date(again.getTime() + DAY + HOUR).toISOString(),
      });
    expect(movedAgain.status).toBe(200);

    // The moved meeting: nothing at its old time, one reminder at its new time.
    await waitUntilInstant(new Date(due.getTime() + 1_000));
    expect(mailsAbout(ctx, `Moved ${tag}`)).toEqual([]);
    const gotMoved = await waitForEach(ctx, emails, `Moved ${tag}`);
    for (const m of gotMoved.values()) {
      expect(m.receivedAt.getTime()).toBeGreaterThanOrEqual(movedDue.getTime());
      expect(icsLines(m)).toContain(`DTSTART;TZID=${ZONE}:${icsLocal(movedStart, ZONE)}`);
    }

    const secondTomorrow = await until('a second reminder of the meeting moved after its reminder', () =>
      emails.every((e) => mailsTo(ctx, e, `Tomorrow ${tag}`).length >= 2) ? emails.map((e) => mailsTo(ctx, e, `Tomorrow ${tag}`)[1]!) : undefined,
    );
    for (const m of secondTomorrow) {
      expect(m.receivedAt.getTime()).toBeGreaterThanOrEqual(again.getTime());
      expect(icsLines(m)).toContain(`DTSTART;TZID=${ZONE}:${icsLocal(new Date(again.getTime() + DAY), ZONE)}`);
    }

    // A few more relay and sweep passes: still exactly one message per head and reminder; none for anyone else or the called-off meetings.
    await sleep(1_200);
    const once = Object.fromEntries(emails.map((e) => [e, 1]));
    expect(countsByRecipient(ctx, `Tomorrow ${tag}`)).toEqual(Object.fromEntries(emails.map((e) => [e, 2])));
    expect(countsByRecipient(ctx, `Next week ${tag}`)).toEqual(once);
    expect(countsByRecipient(ctx, `Moved ${tag}`)).toEqual(once);
    for (const title of ['Cancelled', 'Postponed', 'Stale']) expect(mailsAbout(ctx, `${title} ${tag}`)).toEqual([]);
    expect(ctx.mail.messages.some((m) => others.some((o) => m.to.includes(o.email)))).toBe(false);

    // The ledger: one sent delivery per head and start, in their language; the stale reminder was handled (done) and made none.
    const ledger = (await deliveriesOf(ctx, nextWeek)).filter((d) => d.kind === 'meeting.reminder');
    expect(ledger.map((d) => [d.recipient, d.language, d.status, d.kind]).sort()).toEqual(
      heads.map((h) => [h.person.email, h.lang, 'sent', 'meeting.reminder']).sort(),
    );
    const occurrences = (await ctx.db.query(
      `SELECT occurrence, count(*)::int AS n FROM deliveries WHERE subject_id = $1 AND status = 'sent' GROUP BY 1 ORDER BY 1`,
      [tomorrow],
    )) as { occurrence: string; n: number }[];
    expect(occurrences).toEqual(
      [tomorrowStart, new Date(again.getTime() + DAY)]
        .map((start) => ({ occurrence: `1d@${start.toISOString()}`, n: heads.length }))
        .sort((a, b) => a.occurrence.localeCompare(b.occurrence)),
    );
    expect((await deliveriesOf(ctx, stale)).filter((d) => d.kind === 'meeting.reminder')).toEqual([]);
    expect((await outboxOf(stale)).map((r) => r.status)).toEqual(['done']);
    expect((await outboxOf(tomorrow)).map((r) => r.status)).toEqual(['done', 'done']);
    expect((await outboxOf(nextWeek)).map((r) => r.status)).toEqual(['done', 'pending']);

    // Moving the meeting of next week by a day moves its 1-day reminder too; cancelling it drops that one.
    const res = await ctx
      .http()
      .patch(`${base()}/${nextWeek}`)
      .send({
        version: await version(nextWeek),
        startsAt: new Date(nextWeekStart.getTime() + DAY).toISOString(),
        endsAt: new Date(nextWeekStart.getTime() + DAY + HOUR).toISOString(),
      });
    expect(res.status).toBe(200);
    expect((await outboxOf(nextWeek)).map((r) => [r.key, r.status, r.dueAt.toISOString()])).toEqual([
      [`meeting-${nextWeek}-7d`, 'done', due.toISOString()],
      [`meeting-${nextWeek}-1d`, 'pending', nextWeekStart.toISOString()],
      [`meeting-${nextWeek}-7d`, 'pending', new Date(due.getTime() + DAY).toISOString()],
    ]);
    await transition(nextWeek, 'cancelled');
    expect((await outboxOf(nextWeek)).map((r) => r.status)).toEqual(['done', 'cancelled', 'cancelled']);
  }, 30_000);
});
