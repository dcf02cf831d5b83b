import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * No 5xx for any input: the classes of hostile input that used to reach a 500, each refused with a
 * 400 (or the router's 4xx) carrying the standard error body and naming the field where there is one.
 */

interface ErrorBodyShape {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  requestId: string;
}

function expectErrorBody(res: { status: number; body: unknown }, status: number, field?: string): ErrorBodyShape {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBodyShape;
  expect(body).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  if (field !== undefined) expect((body.errors ?? []).map((e) => e.field)).toContain(field);
  return body;
}

const nested = (depth: number, leaf = '1', open = '[', close = ']'): string => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
const nestedObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('input hardening: no 5xx for any input', () => {
  let ctx: TestContext;
  let councilId: string;
  let meetingId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const council = await ctx
      .http()
      .post('/councils')
      .send({ slug: `ih-${randomUUID().slice(0, 8)}`, name: `Council ${randomUUID()}`, workingLanguages: ['es', 'en'], timeZone: 'UTC' })
      .expect(201);
    councilId = council.body.id;
    const meeting = await ctx
      .http()
      .post(`/councils/${councilId}/meetings`)
      .send({
        kind: 'working_group',
        title: 'Hardening',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 60 * 86_400_000 + 3_600_000).toISOString(),
        timeZone: 'UTC',
      });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
  });
  afterAll(() => ctx.close());

  describe('deeply nested JSON', () => {
    it('refuses an array nested thousands of levels with a 400, on an authenticated route', async () => {
      const res = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'application/json')
        .send(`{"name":${nested(20_000)}}`);
      const body = expectErrorBody(res, 400, 'body');
      expect(body.errors![0]!.rule).toBe('max_depth');
    });

    it('refuses an object nested thousands of levels with a 400, on the anonymous /auth routes', async () => {
      for (const path of ['/auth/login', '/auth/refresh']) {
        const res = await ctx.anonymous().post(path).set('content-type', 'application/json').send(nestedObject(20_000));
        expectErrorBody(res, 400, 'body');
      }
    });

    it('counts only structure, not brackets inside strings, and lets reasonable nesting through to validation', async () => {
      const res = await ctx
        .http()
        .post('/councils')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ slug: 'x', name: '['.repeat(5000), workingLanguages: ['en'], timeZone: 'UTC', meetingRules: { ministerial: { a: { b: 1 } } } }));
      expect(res.status).toBe(400);
      expect((res.body.errors as { rule: string }[]).map((e) => e.rule)).not.toContain('max_depth');
    });
  });

  describe('control characters and lone surrogates in text', () => {
    it('refuses a NUL byte in a plain text field, naming it', async () => {
      const res = await ctx
        .http()
        .post('/councils')
        .send({ slug: `n-${randomUUID().slice(0, 8)}`, name: 'Council\u0000', workingLanguages: ['en'], timeZone: 'UTC' });
      const body = expectErrorBody(res, 400, 'name');
      expect(body.errors!.find((e) => e.field === 'name')!.rule).toBe('text_characters');
    });

    it('refuses control characters in a per-language text (jsonb), naming title.es', async () => {
      for (const bad of ['Orden\u0000', 'Orden\u0007del día', 'Orden\u001b[31m']) {
        const res = await ctx
          .http()
          .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
          .send({ title: { es: bad, en: 'Item' }, purpose: 'discussion' });
        expectErrorBody(res, 400, 'title.es');
      }
    });

    it('refuses a NUL inside an array of objects, naming documents.0.title', async () => {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { es: 'Orden' }, purpose: 'discussion', documents: [{ title: 'Doc\u0000', url: 'https://example.org/a.pdf' }] });
      expectErrorBody(res, 400, 'documents.0.title');
    });

    it('keeps tab, newline and carriage return, and ordinary non-ASCII text', async () => {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { es: 'Línea\tuno\r\nLínea dos — ñandú 🐢', en: 'Item' }, purpose: 'discussion' });
      expect(res.status).toBe(201);
    });

    it('refuses a NUL byte in a query filter, naming the parameter', async () => {
      const res = await ctx.http().get(`/councils/${councilId}/audit?action=council%00.created`);
      expectErrorBody(res, 400, 'action');
    });

    it('refuses a lone surrogate in an email, also on the anonymous sign-in', async () => {
      const login = await ctx.anonymous().post('/auth/login').send({ email: 'a\ud800@example.org', password: 'whatever-password' });
      expectErrorBody(login, 400, 'email');
      const council = await ctx
        .http()
        .post('/councils')
        .send({ slug: `s-${randomUUID().slice(0, 8)}`, name: 'Council \udc00', workingLanguages: ['en'], timeZone: 'UTC' });
      expectErrorBody(council, 400, 'name');
    });

    it('refuses a lone surrogate in a per-language text', async () => {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { es: 'Orden \ud83d' }, purpose: 'discussion' });
      expectErrorBody(res, 400, 'title.es');
    });

    it('refuses control characters in an object key', async () => {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { 'e\u0000s': 'Orden' }, purpose: 'discussion' });
      expect(res.status).toBe(400);
    });
  });

  describe('null for an optional field', () => {
    it('is a 400 naming the field where null does not clear anything', async () => {
      const cases: [string, string, Record<string, unknown>, string][] = [
        ['post', `/councils/${councilId}/meetings/${meetingId}/agenda/items`, { title: { es: 'Orden' }, purpose: 'discussion', documents: null }, 'documents'],
        [
          'post',
          `/councils/${councilId}/meetings/${meetingId}/agenda/items`,
          { title: { es: 'Orden' }, purpose: 'discussion', concernsPermanentParticipants: null },
          'concernsPermanentParticipants',
        ],
        ['post', `/councils/${councilId}/bodies`, { kind: 'working_group', name: `WG ${randomUUID()}`, description: null }, 'description'],
        [
          'post',
          '/councils',
          { slug: `z-${randomUUID().slice(0, 8)}`, name: 'Council', workingLanguages: ['en'], timeZone: 'UTC', meetingRules: null },
          'meetingRules',
        ],
      ];
      for (const [method, url, body, field] of cases) {
        const res = await (method === 'post' ? ctx.http().post(url) : ctx.http().patch(url)).send(body);
        expectErrorBody(res, 400, field);
      }
    });

    it('still clears a field declared nullable', async () => {
      const item = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { es: 'Con minutos' }, purpose: 'information', minutesAllotted: 15 })
        .expect(201);
      const cleared = await ctx
        .http()
        .patch(`/councils/${councilId}/meetings/${meetingId}/agenda/items/${item.body.id}`)
        .send({ version: item.body.version, minutesAllotted: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.minutesAllotted).toBeNull();
    });
  });

  describe('nested objects', () => {
    const reminder = (extra: Record<string, unknown>) => ({
      title: 'Reminder',
      message: 'Text',
      sendAt: new Date(Date.now() + 86_400_000).toISOString(),
      ...extra,
    });

    it('refuses a reminder without its required audience, naming it', async () => {
      const res = await ctx.http().post(`/councils/${councilId}/reminders`).send(reminder({}));
      expectErrorBody(res, 400, 'audience');
    });

    it('refuses a reminder whose audience is not an object', async () => {
      for (const audience of [null, [], 'all', 3, [{ roles: ['head'] }]]) {
        const res = await ctx.http().post(`/councils/${councilId}/reminders`).send(reminder({ audience }));
        expectErrorBody(res, 400, 'audience');
      }
    });

    it('refuses an array where an object is expected in a list of objects', async () => {
      for (const documents of [[[{ title: 'Doc', url: 'https://example.org/a.pdf' }]], ['a string'], [null], [7]]) {
        const res = await ctx
          .http()
          .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
          .send({ title: { es: 'Orden' }, purpose: 'discussion', documents });
        expectErrorBody(res, 400);
        expect((res.body.errors as { field: string }[]).some((e) => e.field.startsWith('documents'))).toBe(true);
      }
    });
  });

  describe('integers past PostgreSQL range', () => {
    it('refuses a version of 2^31 or more, naming version', async () => {
      for (const version of [2 ** 31, 2 ** 53, 1e300]) {
        const res = await ctx.http().patch(`/councils/${councilId}`).send({ version, name: 'Renamed' });
        expectErrorBody(res, 400, 'version');
      }
    });

    it('refuses an out-of-range integer in a query parameter, naming it', async () => {
      const item = await ctx
        .http()
        .post(`/councils/${councilId}/meetings/${meetingId}/agenda/items`)
        .send({ title: { es: 'Borrar' }, purpose: 'aob' })
        .expect(201);
      const res = await ctx.http().delete(`/councils/${councilId}/meetings/${meetingId}/agenda/items/${item.body.id}?version=2147483648`);
      expectErrorBody(res, 400, 'version');
    });
  });

  describe('impossible dates', () => {
    it('refuses an action-item cursor that encodes 2024-02-30, naming cursor', async () => {
      const cursor = Buffer.from(`2024-02-30|${randomUUID()}`, 'utf8').toString('base64url');
      const res = await ctx.http().get(`/councils/${councilId}/action-items?cursor=${cursor}`);
      expectErrorBody(res, 400, 'cursor');
    });

    it('refuses a date that does not exist in a body, naming the field', async () => {
      const res = await ctx
        .http()
        .post(`/councils/${councilId}/bodies`)
        .send({ kind: 'task_force', name: `TF ${randomUUID()}`, mandateEnd: '2027-02-30' });
      expectErrorBody(res, 400, 'mandateEnd');
      const instant = await ctx
        .http()
        .post(`/councils/${councilId}/reminders`)
        .send({ title: 'R', message: 'M', sendAt: '2030-02-30T10:00:00Z', audience: {} });
      expectErrorBody(instant, 400, 'sendAt');
    });
  });

  describe('router-level and parser errors carry the standard error body', () => {
    it('answers a malformed %-escape in the path with a 400 and a requestId', async () => {
      const res = await ctx.http().get('/councils/%E0%A4%A');
      expect(expectErrorBody(res, 400).message).not.toContain('%E0');
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });

    it('answers an over-long path parameter with a 414 and a requestId', async () => {
      const res = await ctx.http().get(`/councils/${'a'.repeat(300)}`);
      expect(expectErrorBody(res, 414).code).toBe('URI_TOO_LONG');
      // A UUID (36) or a slug fits: the limit is 200.
      expect((await ctx.http().get(`/councils/${'a'.repeat(150)}`)).status).toBe(400);
    });

    it('answers an unknown route with a 404 error body and a requestId', async () => {
      const res = await ctx.http().get('/no-such-route');
      expectErrorBody(res, 404);
    });

    it('answers a request line Node refuses (a raw non-ASCII byte in the target) with the error body, and closes', async () => {
      const server = ctx.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(Buffer.concat([Buffer.from('GET /councils/'), Buffer.from([0xe9]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')])),
        );
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString('latin1')));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw.toLowerCase()).toContain('connection: close');
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as ErrorBodyShape;
      expect(body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: expect.any(String), requestId: expect.any(String) });
    });

    it('refuses a body that is JSON but not an object (null, an array, a bare value) on a DTO route', async () => {
      for (const raw of ['null', '[]', '[{"slug":"x"}]', '42', 'true']) {
        expectErrorBody(await ctx.http().post('/councils').set('content-type', 'application/json').send(raw), 400, 'body');
      }
    });

    it('answers malformed JSON, a wrong content type and an oversized body with the error body and a requestId', async () => {
      expectErrorBody(await ctx.http().post('/councils').set('content-type', 'application/json').send('{"slug": '), 400);
      expectErrorBody(await ctx.http().post('/councils').set('content-type', 'application/xml').send('<a/>'), 415);
      expectErrorBody(
        await ctx
          .http()
          .post('/councils')
          .set('content-type', 'application/json')
          .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })),
        413,
      );
      expectErrorBody(await ctx.anonymous().post('/auth/login').set('content-type', 'application/json').send(''), 400);
    });
  });
});
