// Benchmark: a realistic mixed load on the demo council with BENCH_ITEMS action items
// (default 100,000). Delegates (the heads of the member states' delegations) list their
// delegation's items (first and next page, counts), read item pages and their history,
// read meetings, agendas, participants, delegations, published decisions and their inbox;
// the secretariat lists the council's items, reads the audit trail and edits agendas
// (adds, edits and reorders items of meetings of its own). Closed loop: BENCH_CONNECTIONS
// virtual users (one in eight is the secretariat), each sending its next request when the
// last one is answered, for BENCH_SECONDS. Prints p50/p99 per operation (the ten slowest by
// p99 first), then how many statements each operation sends to PostgreSQL — counted on
// the wire (Query and Execute messages) by a second API instance behind a counting proxy,
// each operation alone, so the load figures are not slowed by the proxy.
//
//   npm run bench:mixed                                 (builds first)
//   BENCH_ITEMS=20000 BENCH_SECONDS=10 node bench/mixed.mjs
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { AccessTokenService } from '../dist/src/core/auth/access-token.service.js';
import { freePort } from '../dist/src/core/embedded/free-port.js';
import { seedDemoCouncil } from '../dist/src/modules/seed/demo-seed.js';
import { seedActionItems } from './lib/action-items-seed.mjs';
import { benchEnv, connections, JWT_SECRET, seconds, startApi, startBenchDatabase } from './lib/harness.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const OPEN = 'open,acknowledged,in_progress,blocked';
const started = Date.now();

const db = await startBenchDatabase(async (ds) => {
  const { councilId } = await seedDemoCouncil(ds);
  const t0 = Date.now();
  await seedActionItems(ds, councilId, ITEMS);
  await ds.query('VACUUM ANALYZE');
  console.log(`seeded the demo council and ${ITEMS.toLocaleString('en')} action items in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const delegates = await ds.query(
    `SELECT u.id AS "userId", d.delegation_id AS "delegationId",
            ARRAY(SELECT a.id::text FROM action_items a WHERE a.owner_delegation_id = d.delegation_id ORDER BY a.id LIMIT 200) AS items
       FROM delegates d JOIN participants p ON p.id = (SELECT participant_id FROM delegations WHERE id = d.delegation_id)
       JOIN council_roles cr ON cr.delegate_id = d.id AND cr.role = 'delegate' JOIN users u ON u.id = cr.user_id
      WHERE d.council_id = $1 AND p.kind = 'member_state' AND d.role = 'head' AND d.active AND u.disabled_at IS NULL`,
    [councilId],
  );
  const [staff] = await ds.query(`SELECT user_id AS "userId" FROM council_roles WHERE council_id = $1 AND role = 'secretariat' LIMIT 1`, [councilId]);
  const meetings = (await ds.query(`SELECT id FROM meetings WHERE council_id = $1 ORDER BY starts_at LIMIT 20`, [councilId])).map((r) => r.id);
  return { councilId, delegates, staff, meetings };
});

const agent = new http.Agent({ keepAlive: true, maxSockets: connections + 4 });

/** One request; resolves with { status, body, ms }. */
function call(base, method, path, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const t0 = process.hrtime.bigint();
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const text = Buffer.concat(chunks).toString();
          let parsed;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed, ms });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A TCP proxy in front of PostgreSQL that counts the statements the API sends: simple Query ('Q') and
 * Execute ('E') messages of the frontend protocol (the first message of a connection has no type byte).
 */
async function countingProxy(targetUrl) {
  const target = new URL(targetUrl);
  const counts = { statements: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    let buf = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (startup) {
          if (buf.length < 8) break;
          const len = buf.readInt32BE(0);
          if (buf.length < len) break;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          if (code !== 80877103) startup = false; // an SSLRequest is followed by the real startup message
          continue;
        }
        if (buf.length < 5) break;
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) break;
        const type = String.fromCharCode(buf[0]);
        if (type === 'Q' || type === 'E') counts.statements++;
        buf = buf.subarray(1 + len);
      }
    });
    upstream.on('data', (c) => client.write(c));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  const url = new URL(targetUrl);
  url.port = String(port);
  url.hostname = '127.0.0.1';
  return { url: url.toString(), counts, close: () => server.close() };
}

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

try {
  const { councilId, delegates, staff, meetings } = db.prepared;
  const tokens = new AccessTokenService({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 3600 } });
  for (const d of delegates) d.token = await tokens.issue(d.userId);
  const staffToken = await tokens.issue(staff.userId);
  const c = `/councils/${councilId}`;
  const api = await startApi(benchEnv(db.databaseUrl), db.children, `/health`);

  // The secretariat's own meetings (drafts a month ahead), each with five agenda items, one per secretariat user.
  const staffUsers = Math.max(1, Math.round(connections / 8));
  const ownMeetings = [];
  for (let i = 0; i < staffUsers + 1; i++) {
    const startsAt = new Date(Date.now() + (30 + i) * 86_400_000);
    const m = await call(api, 'POST', `${c}/meetings`, staffToken, {
      kind: 'working_group',
      title: `Bench meeting ${i + 1}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      timeZone: 'America/Mexico_City',
    });
    if (m.status !== 201) throw new Error(`could not create a meeting: ${m.status} ${JSON.stringify(m.body).slice(0, 300)}`);
    for (let k = 0; k < 5; k++) {
      const added = await call(api, 'POST', `${c}/meetings/${m.body.id}/agenda/items`, staffToken, {
        title: { es: `Punto ${k + 1}`, en: `Item ${k + 1}` },
        purpose: 'discussion',
      });
      if (added.status !== 201) throw new Error(`could not add an agenda item: ${added.status} ${JSON.stringify(added.body).slice(0, 300)}`);
    }
    ownMeetings.push(m.body.id);
  }
  const readMeetings = [...meetings, ...ownMeetings];
  const firstPage = await call(api, 'GET', `${c}/me/action-items?status=${OPEN}`, delegates[0].token);
  if (firstPage.status !== 200) throw new Error(`my items: ${firstPage.status} ${JSON.stringify(firstPage.body).slice(0, 300)}`);

  // The operations: [name, weight, who, run(base, user) → response]. A delegate user is { token, items, cursor };
  // a secretariat user owns one meeting and edits its agenda.
  const agendaOf = async (base, u) => call(base, 'GET', `${c}/meetings/${u.meetingId}/agenda`, u.token);
  const OPS = [
    [
      'GET me/action-items (page 1)',
      20,
      'delegate',
      async (base, u) => {
        const r = await call(base, 'GET', `${c}/me/action-items?status=${OPEN}`, u.token);
        if (r.body?.nextCursor) u.cursor = r.body.nextCursor;
        return r;
      },
    ],
    [
      'GET me/action-items (next page)',
      6,
      'delegate',
      (base, u) => call(base, 'GET', `${c}/me/action-items?status=${OPEN}${u.cursor ? `&cursor=${u.cursor}` : ''}`, u.token),
    ],
    ['GET me/action-items/counts', 5, 'delegate', (base, u) => call(base, 'GET', `${c}/me/action-items/counts?status=${OPEN}`, u.token)],
    ['GET action-items/:id', 12, 'delegate', (base, u) => call(base, 'GET', `${c}/action-items/${pick(u.items)}`, u.token)],
    ['GET action-items/:id/updates', 4, 'delegate', (base, u) => call(base, 'GET', `${c}/action-items/${pick(u.items)}/updates`, u.token)],
    ['GET meetings', 6, 'delegate', (base, u) => call(base, 'GET', `${c}/meetings`, u.token)],
    ['GET meetings/:id', 5, 'delegate', (base, u) => call(base, 'GET', `${c}/meetings/${pick(readMeetings)}`, u.token)],
    ['GET meetings/:id/agenda', 6, 'delegate', (base, u) => call(base, 'GET', `${c}/meetings/${pick(readMeetings)}/agenda`, u.token)],
    ['GET participants', 3, 'delegate', (base, u) => call(base, 'GET', `${c}/participants`, u.token)],
    ['GET delegations', 2, 'delegate', (base, u) => call(base, 'GET', `${c}/delegations`, u.token)],
    ['GET decisions (published)', 2, 'delegate', (base, u) => call(base, 'GET', `${c}/decisions`, u.token)],
    ['GET me/notifications', 3, 'delegate', (base, u) => call(base, 'GET', `/me/notifications`, u.token)],
    ['GET action-items (council, open)', 4, 'staff', (base, u) => call(base, 'GET', `${c}/action-items?status=open`, u.token)],
    ['GET action-items/counts (council)', 2, 'staff', (base, u) => call(base, 'GET', `${c}/action-items/counts`, u.token)],
    ['GET audit', 2, 'staff', (base, u) => call(base, 'GET', `${c}/audit`, u.token)],
    ['GET meetings/:id/agenda (own)', 3, 'staff', agendaOf],
    [
      'POST agenda/items',
      2,
      'staff',
      async (base, u) => {
        const r = await call(base, 'POST', `${c}/meetings/${u.meetingId}/agenda/items`, u.token, {
          title: { es: 'Punto nuevo', en: 'New item' },
          purpose: 'information',
        });
        return r;
      },
    ],
    [
      'PATCH agenda/items/:id',
      4,
      'staff',
      async (base, u) => {
        const agenda = await agendaOf(base, u);
        const item = pick(agenda.body.items);
        return call(base, 'PATCH', `${c}/meetings/${u.meetingId}/agenda/items/${item.id}`, u.token, {
          version: item.version,
          minutesAllotted: 5 + Math.floor(Math.random() * 60),
        });
      },
    ],
    [
      'POST agenda/reorder',
      2,
      'staff',
      async (base, u) => {
        const agenda = await agendaOf(base, u);
        const ids = agenda.body.items.map((i) => i.id).reverse();
        return call(base, 'POST', `${c}/meetings/${u.meetingId}/agenda/reorder`, u.token, { version: agenda.body.version, itemIds: ids });
      },
    ],
  ];
  const byWho = (who) => {
    const ops = OPS.filter((o) => o[2] === who);
    const total = ops.reduce((n, o) => n + o[1], 0);
    return () => {
      let r = Math.random() * total;
      for (const o of ops) if ((r -= o[1]) < 0) return o;
      return ops[ops.length - 1];
    };
  };
  const nextDelegateOp = byWho('delegate');
  const nextStaffOp = byWho('staff');
  const users = Array.from({ length: connections }, (_, i) =>
    i < staffUsers
      ? { kind: 'staff', token: staffToken, meetingId: ownMeetings[i] }
      : { kind: 'delegate', ...delegates[i % delegates.length], cursor: firstPage.body.nextCursor },
  );

  // Load: every user in a closed loop; the latency of each operation's own request.
  const stats = new Map(OPS.map((o) => [o[0], { ms: [], errors: 0, statuses: new Map() }]));
  const loadBefore = os.loadavg();
  const runFor = async (ms, record) => {
    const until = Date.now() + ms;
    await Promise.all(
      users.map(async (u) => {
        while (Date.now() < until) {
          const op = u.kind === 'staff' ? nextStaffOp() : nextDelegateOp();
          const r = await op[3](api, u);
          if (!record) continue;
          const s = stats.get(op[0]);
          s.ms.push(r.ms); // the operation's own request (an edit's agenda read before it is not counted)
          if (r.status >= 400) {
            s.errors++;
            s.statuses.set(r.status, (s.statuses.get(r.status) ?? 0) + 1);
          }
        }
      }),
    );
  };
  console.log(`\nmixed load: ${connections} virtual users (${staffUsers} secretariat), closed loop, 2 s warm-up then ${seconds} s, loopback`);
  console.log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`);
  await runFor(2000, false);
  const t0 = Date.now();
  await runFor(seconds * 1000, true);
  const elapsed = (Date.now() - t0) / 1000;
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // Statements per operation: a second API instance, behind the counting proxy, each operation alone 10 times.
  const proxy = await countingProxy(db.databaseUrl);
  const counted = await startApi(benchEnv(proxy.url), db.children, `/health`);
  const perOp = new Map();
  for (const op of OPS) {
    const u =
      op[2] === 'staff' ? { kind: 'staff', token: staffToken, meetingId: ownMeetings[staffUsers] } : { ...delegates[0], cursor: firstPage.body.nextCursor };
    await op[3](counted, u); // warm (prepared statements, caches)
    const before = proxy.counts.statements;
    const agendaReads = op[0].startsWith('PATCH') || op[0].startsWith('POST agenda/reorder') ? 1 : 0; // those read the agenda first
    for (let i = 0; i < 10; i++) await op[3](counted, u);
    await new Promise((r) => setTimeout(r, 50));
    perOp.set(op[0], { total: (proxy.counts.statements - before) / 10, agendaReads });
  }
  // The other list routes, not in the mix: only their statements per request (as the secretariat, or a delegate for /me).
  const bodies = await call(counted, 'GET', `${c}/bodies`, staffToken);
  const LISTS = [
    ['GET councils', `/councils`, staffToken],
    ['GET councils/:c/delegations/:d/delegates', `${c}/delegations/${delegates[0].delegationId}/delegates`, staffToken],
    ['GET councils/:c/users', `${c}/users`, staffToken],
    ['GET councils/:c/secretariat', `${c}/secretariat`, staffToken],
    ['GET councils/:c/presidency/terms', `${c}/presidency/terms`, staffToken],
    ['GET councils/:c/series', `${c}/series`, staffToken],
    ['GET councils/:c/silence-procedures', `${c}/silence-procedures`, staffToken],
    ['GET councils/:c/minutes (published)', `${c}/minutes`, staffToken],
    ['GET councils/:c/reminders', `${c}/reminders`, staffToken],
    ['GET councils/:c/recommendations/progress', `${c}/recommendations/progress`, staffToken],
    [
      'GET councils/:c/bodies/:b/backlog',
      Array.isArray(bodies.body?.items) && bodies.body.items[0] ? `${c}/bodies/${bodies.body.items[0].id}/backlog` : null,
      staffToken,
    ],
    ['GET me/notification-preferences', `/me/notification-preferences`, delegates[0].token],
    ['GET me/calendar-feeds', `/me/calendar-feeds`, delegates[0].token],
  ];
  const listCounts = [];
  for (const [name, path, token] of LISTS) {
    if (!path) continue;
    const first = await call(counted, 'GET', path, token);
    const before = proxy.counts.statements;
    for (let i = 0; i < 5; i++) await call(counted, 'GET', path, token);
    await new Promise((r) => setTimeout(r, 50));
    const items = Array.isArray(first.body?.items) ? first.body.items.length : Array.isArray(first.body) ? first.body.length : '?';
    listCounts.push({
      name,
      status: first.status,
      items,
      paged: first.body && typeof first.body === 'object' && 'nextCursor' in first.body,
      statements: (proxy.counts.statements - before) / 5,
    });
  }
  proxy.close();
  // The agenda read an edit makes first, alone: subtracted from the edits so that each line counts its own request.
  const agendaAlone = perOp.get('GET meetings/:id/agenda (own)').total;

  const pct = (xs, p) => {
    if (xs.length === 0) return NaN;
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  };
  const rows = OPS.map((o) => {
    const s = stats.get(o[0]);
    const st = perOp.get(o[0]);
    return {
      name: o[0],
      who: o[2] === 'staff' ? 'secretariat' : 'delegate',
      n: s.ms.length,
      p50: pct(s.ms, 50),
      p99: pct(s.ms, 99),
      errors: s.errors,
      statuses: [...s.statuses].map(([k, v]) => `${k}×${v}`).join(' '),
      statements: st.total - st.agendaReads * agendaAlone,
    };
  }).sort((a, b) => b.p99 - a.p99);
  const total = rows.reduce((n, r) => n + r.n, 0);
  console.log(`${total} operations in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(0)} op/s\n`);
  const line = (r) =>
    `${r.name.padEnd(36)} ${r.who.padEnd(11)} ${String(r.n).padStart(6)}   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   ` +
    `statements/request ${r.statements.toFixed(1).padStart(4)}${r.errors ? `   errors ${r.errors} (${r.statuses})` : ''}`;
  console.log('the ten slowest operations (by p99):');
  for (const r of rows.slice(0, 10)) console.log(line(r));
  console.log('\nthe others:');
  for (const r of rows.slice(10)) console.log(line(r));
  console.log('\nthe other list routes (not in the mix), one request alone:');
  for (const l of listCounts) {
    console.log(
      `${l.name.padEnd(44)} ${String(l.status).padStart(3)}  ${String(l.items).padStart(4)} items  ${l.paged ? 'keyset-paged' : 'whole list  '}  statements/request ${l.statements.toFixed(1).padStart(4)}`,
    );
  }
  console.log(
    `\nstatements/request: Query and Execute messages the API sent PostgreSQL for one request, alone (the auth guard's caller query included;` +
      ` a write's BEGIN/COMMIT included; the edits' agenda read subtracted).`,
  );
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  agent.destroy();
  await db.stop();
}
