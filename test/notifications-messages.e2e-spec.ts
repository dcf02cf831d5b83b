import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ReceivedMail } from '../src/core/embedded/mail-sink.js';
import { DigestJob } from '../src/modules/notifications/jobs/digest.job.js';
import type { MessageLanguage } from '../src/modules/notifications/templates/index.js';
import { DICTIONARIES } from '../src/modules/notifications/templates/translations/index.js';
import { secretariat, tokenFor } from './support/actors.js';
import {
  FAST_NOTIFICATIONS,
  createReminder,
  deliveriesOf,
  mailsTo,
  newCouncil,
  newDelegation,
  type Person,
  seated,
  sleep,
  until,
  waitForEach,
} from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * What people actually receive: messages read back from the SMTP sink (parsed
 * by mailparser) are in each recipient's language and show times in their
 * zone, as text and escaped HTML; email preferences hold messages for one
 * daily digest or switch email off while the inbox keeps everything.
 *
 * Meeting reminders (with their invite.ics) are read back in
 * test/meeting-reminders.e2e-spec.ts.
 */

/** The regional locales the messages are written for, restated here (what a reader of each language expects). */
const LOCALE: Record<MessageLanguage, string> = { es: 'es-MX', en: 'en-US', fr: 'fr-CA', pt: 'pt-BR' };

/** No-break and narrow no-break spaces (French punctuation, ICU's "9:05 PM") compared as plain spaces. */
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** A phrase of the language with its placeholders filled in. */
function phrase(lang: MessageLanguage, key: keyof (typeof DICTIONARIES)['en'], values: Record<string, string> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for {{${name}}} in ${key}`);
    return values[name]!;
  });
}

/**
 * How an instant reads in a zone and language, worked out with luxon here: the long date, the time
 * of day (24 h; 12 h in English; "09 h 05" in Canadian French) and the UTC offset in hours.
 */
function localReading(at: Date, zone: string, lang: MessageLanguage): { date: string; time: string; offset: RegExp } {
  const dt = DateTime.fromJSDate(at, { zone }).setLocale(LOCALE[lang]);
  const time = lang === 'en' ? dt.toFormat('h:mm a') : lang === 'fr' ? dt.toFormat("HH 'h' mm") : dt.toFormat('HH:mm');
  const hours = dt.offset / 60;
  const sign = hours < 0 ? '[-−]' : '\\+';
  return { date: norm(dt.toLocaleString(DateTime.DATE_HUGE)), time: norm(time), offset: new RegExp(`, (GMT|UTC)${sign}${Math.abs(hours)}\\)`) };
}

/** Asserts `body` shows `at` as a reader in `zone` sees it, e.g. "lunes, 9 de marzo de 2026, 08:00 (hora estándar central, GMT-6)". */
function expectLocalTime(body: string, at: Date, zone: string, lang: MessageLanguage): void {
  const local = localReading(at, zone, lang);
  const text = norm(body);
  const i = text.indexOf(`${local.date}, ${local.time} (`);
  expect({ found: i >= 0, expected: `${local.date}, ${local.time} (…)` }).toEqual({ found: true, expected: `${local.date}, ${local.time} (…)` });
  expect(text.slice(i, text.indexOf(')', i) + 1)).toMatch(local.offset);
  // Not the UTC reading (the zones used here are hours away from UTC).
  const utc = localReading(at, 'UTC', lang);
  expect(text).not.toContain(`${utc.date}, ${utc.time} (`);
}

/** Both parts present: a multipart/alternative message with a text and an HTML body. */
function expectTextAndHtml(m: ReceivedMail): string {
  expect(m.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  expect(m.text.trim().length).toBeGreaterThan(0);
  expect(typeof m.html).toBe('string');
  expect(m.html as string).toMatch(/^<!DOCTYPE html>/);
  return m.html as string;
}

describe('messages read back from the SMTP sink', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext({
      worker: true,
      // The digest hour is local midnight, so the digest job acts on every pass (every 200 ms).
      env: { ...FAST_NOTIFICATIONS, DIGEST_HOUR: '0', DIGEST_INTERVAL_MS: '200' },
    });
  });
  afterAll(() => ctx?.close());

  it("are in the recipient's language and zone, as text and escaped HTML; a language the council does not use falls back to its first", async () => {
    const tag = randomUUID().slice(0, 8);
    // A council working in all four languages, with heads seated in four zones and a secretariat member whose own account says pt.
    const councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], `Consejo ${tag}`);
    const [mx, ca, gt] = await Promise.all([
      newDelegation(ctx, councilId, 'Mexico', 'MX'),
      newDelegation(ctx, councilId, 'Canada', 'CA'),
      newDelegation(ctx, councilId, 'Guatemala', 'GT'),
    ]);
    const mxHead = await seated(ctx, councilId, mx, 'head', { language: 'es', timeZone: 'America/Mexico_City', fullName: 'Ana Pérez' });
    const caHead = await seated(ctx, councilId, ca, 'head', { language: 'en', timeZone: 'America/Toronto', fullName: 'John Smith' });
    const gtHead = await seated(ctx, councilId, gt, 'head', { language: 'fr', timeZone: 'America/Guatemala', fullName: 'Luc Martin' });
    const sec = await secretariat(ctx, councilId);
    await ctx.db.query(`UPDATE users SET preferred_language = 'pt', time_zone = 'America/Sao_Paulo', full_name = 'Maria Souza' WHERE id = $1`, [sec.userId]);
    const [{ email: secEmail }] = (await ctx.db.query(`SELECT email FROM users WHERE id = $1`, [sec.userId])) as { email: string }[];

    // A second council working in French then Spanish: a seat asking for pt gets French, one asking for es keeps Spanish.
    const otherCouncilId = await newCouncil(ctx, ['fr', 'es'], `Conseil ${tag}`);
    const br = await newDelegation(ctx, otherCouncilId, 'Brazil', 'BR');
    const brHead = await seated(ctx, otherCouncilId, br, 'head', { language: 'pt', timeZone: 'America/Sao_Paulo', fullName: 'João Silva' });
    const brAlternate = await seated(ctx, otherCouncilId, br, 'alternate', { language: 'es', timeZone: 'America/Sao_Paulo', fullName: 'Lucía Gómez' });

    const title = `Budget <script>alert("x")</script> & more ${tag}`;
    const message = `First line <b>bold?</b>\nSecond line`;
    const sendAt = new Date(Date.now() + 1_000);
    const reminder = await createReminder(ctx, councilId, { title, message, sendAt, audience: { roles: ['head', 'secretariat'] } });
    const fallback = await createReminder(ctx, otherCouncilId, { title: `Fallback ${tag}`, message: 'Plain message', sendAt, audience: {} });

    const expected: { person: Person | { email: string }; lang: MessageLanguage; zone: string; name: string; council: string; title: string; id: string }[] = [
      { person: mxHead, lang: 'es', zone: 'America/Mexico_City', name: 'Ana Pérez', council: `Consejo ${tag}`, title, id: reminder.id },
      { person: caHead, lang: 'en', zone: 'America/Toronto', name: 'John Smith', council: `Consejo ${tag}`, title, id: reminder.id },
      { person: gtHead, lang: 'fr', zone: 'America/Guatemala', name: 'Luc Martin', council: `Consejo ${tag}`, title, id: reminder.id },
      { person: { email: secEmail }, lang: 'pt', zone: 'America/Sao_Paulo', name: 'Maria Souza', council: `Consejo ${tag}`, title, id: reminder.id },
      { person: brHead, lang: 'fr', zone: 'America/Sao_Paulo', name: 'João Silva', council: `Conseil ${tag}`, title: `Fallback ${tag}`, id: fallback.id },
      { person: brAlternate, lang: 'es', zone: 'America/Sao_Paulo', name: 'Lucía Gómez', council: `Conseil ${tag}`, title: `Fallback ${tag}`, id: fallback.id },
    ];
    const got = await waitForEach(
      ctx,
      expected.map((e) => e.person.email),
      tag,
    );

    for (const e of expected) {
      const m = got.get(e.person.email)!;
      const others = (['es', 'en', 'fr', 'pt'] as const).filter((l) => l !== e.lang);
      // The subject is the language's "Reminder: <title>", the title as typed (a header is not HTML).
      expect(m.subject).toBe(phrase(e.lang, 'council.reminder.subject', { title: e.title }));
      const html = expectTextAndHtml(m);
      const text = m.text;
      // The text part: greeting, intro, label in the language; none of another language's intro.
      expect(text).toContain(phrase(e.lang, 'common.greeting', { greetingName: e.name }));
      expect(text).toContain(phrase(e.lang, 'council.reminder.intro', { councilName: e.council }));
      expect(text).toContain(`${DICTIONARIES[e.lang]['council.reminder.scheduledFor']}${DICTIONARIES[e.lang]['common.labelSeparator']}`);
      for (const l of others) expect(text).not.toContain(phrase(l, 'council.reminder.intro', { councilName: e.council }));
      // The HTML part says the same in the same language, and declares it.
      expect(html).toContain(`<html lang="${e.lang}"`);
      expect(html).toContain(DICTIONARIES[e.lang]['council.reminder.scheduledFor']);
      // The scheduled time as a reader in the recipient's zone sees it, in both parts.
      expectLocalTime(text, new Date(reminder.sendAt), e.zone, e.lang);
      expectLocalTime(html, new Date(reminder.sendAt), e.zone, e.lang);
    }

    // What people typed is text: raw in the text part, escaped in the HTML (no live <script> or <b>), newlines as <br>.
    const mxMail = got.get(mxHead.email)!;
    expect(mxMail.text).toContain(title);
    expect(mxMail.text).toContain(message);
    const html = mxMail.html as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('Budget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('First line &lt;b&gt;bold?&lt;/b&gt;<br>\nSecond line');
    // The same title in the <title> element and the article label, escaped there too.
    expect(html).toContain(
      `<title>${phrase('es', 'council.reminder.subject', { title: 'Budget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more' })}`,
    );

    // The ledger records the language each message was written in (marked sent just after the SMTP server accepts).
    const rows = await until('every delivery marked sent', async () => {
      const all = [...(await deliveriesOf(ctx, reminder.id)), ...(await deliveriesOf(ctx, fallback.id))];
      return all.every((d) => d.status === 'sent') ? all : undefined;
    });
    const languages = Object.fromEntries(rows.map((d) => [d.recipient, [d.language, d.status]]));
    for (const e of expected) expect(languages[e.person.email]).toEqual([e.lang, 'sent']);
  }, 30_000);

  it('holds messages for one daily digest in the recipient’s language and zone, and sends none when email is off; the inbox keeps all', async () => {
    const tag = randomUUID().slice(0, 8);
    const councilId = await newCouncil(ctx, ['es', 'en', 'fr', 'pt'], `Consejo ${tag}`);
    const pe = await newDelegation(ctx, councilId, 'Peru', 'PE');
    const zone = 'America/Mexico_City';
    const digester = await seated(ctx, councilId, pe, 'head', { language: 'es', timeZone: zone, fullName: 'Ana Digest' });
    const silent = await seated(ctx, councilId, pe, 'alternate', { language: 'fr', timeZone: 'America/Toronto', fullName: 'Luc Silence' });
    const control = await seated(ctx, councilId, pe, 'adviser', { language: 'en', timeZone: 'America/Toronto', fullName: 'John Control' });
    const digesterActor = await tokenFor(ctx, digester.userId);
    const silentActor = await tokenFor(ctx, silent.userId);

    // Each sets their own preference through the API.
    const put = (auth: { authorization: string }, mode: string) =>
      ctx.anonymous().put('/me/notification-preferences/council.reminder').set(auth).send({ mode }).expect(200);
    expect((await put(digesterActor.auth, 'digest')).body).toEqual({ kind: 'council.reminder', mode: 'digest' });
    expect((await put(silentActor.auth, 'off')).body).toEqual({ kind: 'council.reminder', mode: 'off' });

    const sendAt = new Date(Date.now() + 800);
    const first = await createReminder(ctx, councilId, {
      title: `Alpha ${tag}`,
      message: 'Bring the draft agenda.',
      sendAt,
      audience: { delegationIds: [pe] },
    });
    const second = await createReminder(ctx, councilId, { title: `Beta ${tag}`, message: 'Vote on <item> 4 & 5.', sendAt, audience: { delegationIds: [pe] } });

    // The control recipient (immediate) gets both at once: the reminders have gone out.
    await waitForEach(ctx, [control.email], `Alpha ${tag}`);
    await waitForEach(ctx, [control.email], `Beta ${tag}`);
    const ledger = async () => [...(await deliveriesOf(ctx, first.id)), ...(await deliveriesOf(ctx, second.id))];
    await until('every delivery settled', async () =>
      (await ledger()).every((d) => ['sent', 'held', 'skipped'].includes(d.status)) && (await ledger()).length === 6 ? true : undefined,
    );
    const statusOf = async () => Object.fromEntries((await ledger()).map((d) => [`${d.recipient} ${d.subject_line}`, d.status]));
    const subject = (lang: MessageLanguage, t: string) => phrase(lang, 'council.reminder.subject', { title: `${t} ${tag}` });
    expect(await statusOf()).toEqual({
      [`${digester.email} ${subject('es', 'Alpha')}`]: 'held',
      [`${digester.email} ${subject('es', 'Beta')}`]: 'held',
      [`${silent.email} ${subject('fr', 'Alpha')}`]: 'skipped',
      [`${silent.email} ${subject('fr', 'Beta')}`]: 'skipped',
      [`${control.email} ${subject('en', 'Alpha')}`]: 'sent',
      [`${control.email} ${subject('en', 'Beta')}`]: 'sent',
    });

    // The inbox has both for each of them, in their language, whatever the email preference.
    for (const [actor, lang] of [
      [digesterActor, 'es'],
      [silentActor, 'fr'],
    ] as const) {
      const inbox = await ctx.anonymous().get('/me/notifications').set(actor.auth).expect(200);
      expect((inbox.body.items as { title: string; kind: string }[]).map((n) => [n.kind, n.title]).sort()).toEqual([
        ['council.reminder', subject(lang, 'Alpha')],
        ['council.reminder', subject(lang, 'Beta')],
      ]);
      expect(inbox.body.unreadCount).toBe(2);
    }

    // Held messages made today wait for the next day's digest: several digest passes go by and nobody gets mail.
    await sleep(800);
    expect(mailsTo(ctx, digester.email)).toEqual([]);
    expect(mailsTo(ctx, silent.email)).toEqual([]);

    // Held since yesterday (moved back in one statement, so a digest pass sees both or neither): today's digest takes them.
    const heldAt = { [first.id]: new Date(Date.now() - 26 * 3_600_000), [second.id]: new Date(Date.now() - 25 * 3_600_000) };
    await ctx.db.query(
      `UPDATE deliveries SET created_at = CASE subject_id WHEN $2 THEN $3::timestamptz ELSE $4::timestamptz END
        WHERE user_id = $1 AND status = 'held' AND subject_id = ANY($5::text[])`,
      [digester.userId, first.id, heldAt[first.id], heldAt[second.id], [first.id, second.id]],
    );
    const digest = await ctx.mail.waitFor((m) => m.to.includes(digester.email), 10_000);
    // Its ledger row is marked sent once the SMTP server has accepted it.
    const row = await until('the digest marked sent', async () => {
      const rows = (await ctx.db.query(
        `SELECT id::text AS id, occurrence, status, language, message_id, subject_type, subject_id FROM deliveries WHERE kind = 'digest.daily' AND user_id = $1`,
        [digester.userId],
      )) as { id: string; occurrence: string; status: string; language: string; message_id: string; subject_type: string; subject_id: string }[];
      return rows.length === 1 && rows[0]!.status === 'sent' ? rows[0] : undefined;
    });
    expect(row).toMatchObject({ status: 'sent', language: 'es', subject_type: 'user', subject_id: digester.userId, message_id: digest.parsed.messageId });
    // The digest's day is the recipient's local date.
    const today = DateTime.fromJSDate(digest.receivedAt, { zone });
    expect([today.toISODate(), today.minus({ minutes: 1 }).toISODate()]).toContain(row.occurrence);
    const dateLabel = DateTime.fromISO(row.occurrence, { zone: 'UTC' }).setLocale(LOCALE.es).toLocaleString(DateTime.DATE_HUGE);

    // One email in Spanish, text and HTML, listing both held reminders in the order they were held, with times in her zone.
    expect(norm(digest.subject)).toBe(norm(phrase('es', 'digest.daily.subject', { dateLabel, councilLabel: DICTIONARIES.es['common.councilFallback'] })));
    const html = expectTextAndHtml(digest);
    const text = digest.text;
    expect(text).toContain(phrase('es', 'common.greeting', { greetingName: 'Ana Digest' }));
    expect(norm(text)).toContain(norm(phrase('es', 'digest.daily.intro', { dateLabel })));
    const alpha = text.indexOf(`* [${DICTIONARIES.es['digest.daily.kind.council']}] ${subject('es', 'Alpha')}`);
    const beta = text.indexOf(`* [${DICTIONARIES.es['digest.daily.kind.council']}] ${subject('es', 'Beta')}`);
    expect(alpha).toBeGreaterThanOrEqual(0);
    expect(beta).toBeGreaterThan(alpha);
    expect(text).toContain('Bring the draft agenda.');
    expectLocalTime(text.slice(alpha, beta), heldAt[first.id]!, zone, 'es');
    expectLocalTime(text.slice(beta), heldAt[second.id]!, zone, 'es');
    expect(html).toContain(`<html lang="es"`);
    expect(html).toContain('Vote on &lt;item&gt; 4 &amp; 5.');
    expect(html).not.toContain('<item>');
    expectLocalTime(html, heldAt[first.id]!, zone, 'es');
    expectLocalTime(html, heldAt[second.id]!, zone, 'es');

    // The held rows now point at the digest that carried them.
    const carried = (await ledger()).filter((d) => d.recipient === digester.email);
    expect(carried.map((d) => [d.status, d.digest_id])).toEqual([
      ['digested', row.id],
      ['digested', row.id],
    ]);

    // A third reminder held after today's digest waits for tomorrow's: running the digest again, by hand
    // and on schedule, sends nothing more today.
    const third = await createReminder(ctx, councilId, { title: `Gamma ${tag}`, sendAt: new Date(), audience: { delegationIds: [pe] } });
    await waitForEach(ctx, [control.email], `Gamma ${tag}`);
    await until('the third reminder held', async () =>
      (await deliveriesOf(ctx, third.id)).find((d) => d.recipient === digester.email)?.status === 'held' ? true : undefined,
    );
    expect(await ctx.worker!.get(DigestJob).handle()).toBe('skipped');
    await sleep(1_000);
    expect(mailsTo(ctx, digester.email)).toEqual([digest]);
    expect(mailsTo(ctx, silent.email)).toEqual([]);
    expect((await deliveriesOf(ctx, third.id)).find((d) => d.recipient === digester.email)).toMatchObject({ status: 'held', digest_id: null });
    const digests = (await ctx.db.query(`SELECT count(*)::int AS n FROM deliveries WHERE kind = 'digest.daily' AND user_id = ANY($1::uuid[])`, [
      [digester.userId, silent.userId],
    ])) as { n: number }[];
    expect(digests[0]!.n).toBe(1);
  }, 30_000);
});
