import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { type Actor, secretariat } from './support/actors.js';
import { given } from './support/given.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * One-time password links go by email (kind 'account.password_link'): the API
 * never returns them; the worker makes the token when it makes the email, in
 * the recipient's language; the link works once; and no copy of the secret is
 * kept anywhere once the email is out (only its hash, to check it).
 */
jest.setTimeout(60_000);

describe('password links by email', () => {
  let ctx: TestContext;
  let councilEs: string;
  let councilEn: string;
  let delegationEs: string;
  let delegationEn: string;
  let secEs: Actor;
  let secEn: Actor;
  let seats = 0;

  async function council(slug: string, languages: string[]): Promise<string> {
    const [{ id }] = await ctx.db.query(`INSERT INTO councils (slug, name, working_languages) VALUES ($1, $2, $3) RETURNING id`, [
      slug,
      `Consejo ${slug.toUpperCase()}`,
      languages,
    ]);
    return id;
  }
  async function delegation(councilId: string, iso: string): Promise<string> {
    return (
      await given(ctx)
        .inCouncil(councilId)
        .memberState(`State ${iso}`, { iso, position: 1, delegation: `Delegation ${iso}` })
    ).delegationId;
  }
  async function seat(councilId: string, delegationId: string, language: string, timeZone = 'America/Mexico_City'): Promise<string> {
    const [{ id }] = await ctx.db.query(
      `INSERT INTO delegates (council_id, delegation_id, full_name, email, role, preferred_language, time_zone) VALUES ($1, $2, 'Seat', $3, 'adviser', $4, $5) RETURNING id`,
      [councilId, delegationId, `seat-${++seats}@test.protempore.org`, language, timeZone],
    );
    return id;
  }

  const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const tokenIn = (text: string) => /set-password\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  const mailsTo = (email: string) => ctx.mail.messages.filter((m) => m.to.includes(email));
  /** The n-th email (1-based) to the address, once it has come. */
  async function nthMail(email: string, n: number) {
    await ctx.mail.waitFor(() => mailsTo(email).length >= n, 30_000);
    return mailsTo(email)[n - 1]!;
  }
  async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const setPassword = (token: string, password: string) => ctx.anonymous().post('/auth/password').send({ token, password });

  beforeAll(async () => {
    ctx = await createTestContext({ worker: true, env: { OUTBOX_RELAY_INTERVAL_MS: '100', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    councilEs = await council('pl-es', ['es', 'en']);
    councilEn = await council('pl-en', ['en']);
    delegationEs = await delegation(councilEs, 'MX');
    delegationEn = await delegation(councilEn, 'GT');
    secEs = await secretariat(ctx, councilEs);
    secEn = await secretariat(ctx, councilEn);
  });
  afterAll(() => ctx?.close());

  it('a new delegate account: no link in the response; an email in the seat’s language; works once; no secret kept after sending', async () => {
    const delegateId = await seat(councilEs, delegationEs, 'es');
    const res = await ctx
      .anonymous()
      .post(`/councils/${councilEs}/users`)
      .set(secEs.auth)
      .send({ email: 'ana.lopez@test.protempore.org', fullName: 'Ana López', role: 'delegate', delegateId })
      .expect(201);
    expect(res.body).toMatchObject({ linkEmailed: true, setupLink: null, user: { email: 'ana.lopez@test.protempore.org', hasPassword: false } });
    expect(JSON.stringify(res.body)).not.toMatch(/token/);
    const userId = res.body.user.id as string;

    // The outbox row names the link row, and holds no secret.
    const [link] = await ctx.db.query(`SELECT id, token_hash FROM password_setup_tokens WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    const outbox = await ctx.db.query(`SELECT council_id, kind, subject_type, subject_id, occurrence, payload FROM outbox WHERE subject_id = $1`, [userId]);
    expect(outbox).toEqual([
      { council_id: councilEs, kind: 'account.password_link', subject_type: 'user', subject_id: userId, occurrence: link.id, payload: {} },
    ]);

    const mail = await nthMail('ana.lopez@test.protempore.org', 1);
    expect(mail.subject).toBe('Establezca su contraseña — Consejo PL-ES');
    expect(mail.text).toContain('Hola, Ana López:');
    const token = tokenIn(mail.text)!;
    expect(token).toBeDefined();
    // The link opens the set-password page in the language of the email.
    expect(mail.text).toContain(`${ctx.config.publicUrl}/app/set-password?token=${token}&lang=es`);
    expect(mail.html).toContain(token);
    // The token was made at send time: the API's sealed hash was replaced by the token's.
    const [armed] = await ctx.db.query(`SELECT id, token_hash FROM password_setup_tokens WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    expect(armed).toEqual({ id: link.id, token_hash: sha256(token) });
    expect(link.token_hash).not.toBe(sha256(token));

    // Once sent, the ledger and the inbox keep a redacted copy only; nothing anywhere holds the token.
    await until(
      async () =>
        (await ctx.db.query(`SELECT 1 FROM deliveries WHERE user_id = $1 AND status = 'sent' AND body_text LIKE '%[redacted]%'`, [userId])).length > 0,
    );
    const [delivery] = await ctx.db.query(`SELECT kind, occurrence, language, status, subject_line, body_text, body_html FROM deliveries WHERE user_id = $1`, [
      userId,
    ]);
    expect(delivery).toMatchObject({ kind: 'account.password_link', occurrence: link.id, language: 'es', status: 'sent', subject_line: mail.subject });
    expect(delivery.body_text).toContain(`${ctx.config.publicUrl}/app/set-password?token=[redacted]&lang=es`);
    expect(delivery.body_html).toContain('[redacted]');
    const [inbox] = await ctx.db.query(`SELECT kind, title, body FROM notifications WHERE user_id = $1`, [userId]);
    expect(inbox).toMatchObject({ kind: 'account.password_link', title: mail.subject });
    expect(inbox.body).toContain('[redacted]');
    for (const table of ['deliveries', 'notifications', 'outbox', 'audit_log']) {
      const [{ dump }] = await ctx.db.query(`SELECT coalesce(string_agg(x::text, ','), '') AS dump FROM public."${table}" x`);
      expect({ table, leaks: dump.includes(token) }).toEqual({ table, leaks: false });
    }

    await setPassword(token, 'mi contraseña nueva').expect(200);
    await setPassword(token, 'otra contraseña más').expect(400);
    await ctx.anonymous().post('/auth/login').send({ email: 'ana.lopez@test.protempore.org', password: 'mi contraseña nueva' }).expect(200);
  });

  it('falls back to the council’s first working language when it does not work in the person’s', async () => {
    const delegateId = await seat(councilEn, delegationEn, 'es');
    const res = await ctx
      .anonymous()
      .post(`/councils/${councilEn}/users`)
      .set(secEn.auth)
      .send({ email: 'luis@test.protempore.org', fullName: 'Luis Pérez', role: 'delegate', delegateId })
      .expect(201);
    expect(res.body.linkEmailed).toBe(true);
    const mail = await nthMail('luis@test.protempore.org', 1);
    expect(mail.subject).toBe('Set your password — Consejo PL-EN');
    expect(tokenIn(mail.text)).toBeDefined();
  });

  it('the administrator’s link (no council) goes in the person’s own language; a newer link replaces the older', async () => {
    const [{ id: userId }] = await ctx.db.query(
      `INSERT INTO users (email, full_name, preferred_language, time_zone) VALUES ('claire@test.protempore.org', 'Claire Martin', 'fr', 'America/Toronto') RETURNING id`,
    );
    const first = await ctx.http().post(`/users/${userId}/setup-link`).expect(201);
    expect(first.body).toEqual({ linkEmailed: true, email: 'claire@test.protempore.org', expiresAt: expect.any(String) });
    const expected = Date.now() + ctx.config.auth.passwordLinkTtlHours * 3600_000;
    expect(Math.abs(new Date(first.body.expiresAt).getTime() - expected)).toBeLessThan(60_000);
    const mail1 = await nthMail('claire@test.protempore.org', 1);
    expect(mail1.subject).toMatch(/^Définissez votre mot de passe — /);
    expect(mail1.text).toContain('Bonjour Claire Martin,');
    const token1 = tokenIn(mail1.text)!;

    await ctx.http().post(`/users/${userId}/setup-link`).expect(201);
    const token2 = tokenIn((await nthMail('claire@test.protempore.org', 2)).text)!;
    expect(token2).not.toBe(token1);
    await setPassword(token1, 'the superseded link').expect(400);
    await setPassword(token2, 'the current link works').expect(200);
    const audit = await ctx.db.query(`SELECT council_id, after FROM audit_log WHERE action = 'user.setup_link_issued' AND entity_id = $1 ORDER BY id`, [
      userId,
    ]);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ council_id: null, after: { emailedTo: 'claire@test.protempore.org' } });
  });

  it('sends nothing for a link replaced before the worker got to it', async () => {
    const [{ id: userId }] = await ctx.db.query(`INSERT INTO users (email, full_name) VALUES ('twice@test.protempore.org', 'Twice Asked') RETURNING id`);
    // Both requests commit before the relay's next round (it runs every 100 ms): usually one email; never a working older link.
    await Promise.all([ctx.http().post(`/users/${userId}/setup-link`).expect(201), ctx.http().post(`/users/${userId}/setup-link`).expect(201)]);
    await until(async () => (await ctx.db.query(`SELECT 1 FROM outbox WHERE subject_id = $1 AND status <> 'done'`, [userId])).length === 0);
    await until(async () => (await ctx.db.query(`SELECT 1 FROM deliveries WHERE user_id = $1 AND status <> 'sent'`, [userId])).length === 0);
    await new Promise((r) => setTimeout(r, 300));
    const tokens = mailsTo('twice@test.protempore.org').map((m) => tokenIn(m.text)!);
    expect(tokens.length).toBeGreaterThanOrEqual(1);
    const [{ open }] = await ctx.db.query(`SELECT count(*)::int AS open FROM password_setup_tokens WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    expect(open).toBe(1);
    // Only the last email's link works.
    for (const t of tokens.slice(0, -1)) await setPassword(t, 'an older link').expect(400);
    await setPassword(tokens[tokens.length - 1]!, 'the newest link').expect(200);
  });

  it('sends nothing to an account disabled before the email was made', async () => {
    const [{ id: userId }] = await ctx.db.query(
      `INSERT INTO users (email, full_name) VALUES ('disabled-soon@test.protempore.org', 'Soon Disabled') RETURNING id`,
    );
    await ctx.db.transaction(async (em) => {
      // Issued and disabled in one go, as if the administrator disabled the account before the worker ran.
      const { PasswordLinksService } = await import('../src/modules/identity/password-links.service.js');
      await ctx.app.get(PasswordLinksService).issue(em, userId, null);
      await em.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [userId]);
    });
    await until(async () => (await ctx.db.query(`SELECT status FROM outbox WHERE subject_id = $1`, [userId]))[0]?.status === 'done');
    expect(await ctx.db.query(`SELECT 1 FROM deliveries WHERE user_id = $1`, [userId])).toHaveLength(0);
    expect(mailsTo('disabled-soon@test.protempore.org')).toHaveLength(0);
  });
});
