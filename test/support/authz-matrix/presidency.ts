import { type AuthzFixtures } from '../authz-fixtures.js';
import { freshMeeting, MEETING_READERS } from './meetings.js';
import { adoptedDecision } from './action-items.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Presidency terms, succession and transfer, the handover meeting, the handover timeline and dossier. */

// ── presidency succession and transfer: the successor is public; waivers, designations and handovers are the secretariat's (presidency.manage) ──

// ── presidency handover meeting: the secretariat designates / undesignates the current term's handover meeting (presidency.manage); council members read it ──

/** Council A's current term has a handover meeting (a fresh draft meeting), whatever the case before did. */
async function designatedHandoverMeeting(f: AuthzFixtures): Promise<void> {
  const { meetingId } = await freshMeeting(f);
  await f.ctx.db.query(
    `INSERT INTO presidency_handover_meetings (term_id, council_id, meeting_id) VALUES ($1, $2, $3)
     ON CONFLICT (term_id) DO UPDATE SET meeting_id = excluded.meeting_id, designated_at = now()`,
    [f.A.termId, f.A.councilId, meetingId],
  );
}

// ── handover timeline and dossier: council members read; the term holder's delegates (own) or the secretariat manage the dossier and the priorities; only the incoming holder's delegates acknowledge; the calendar is public ──

const HANDOVER_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);
/** Own scope on the term's holder (X, the chair's delegation): other delegations find no such term of theirs. */
const TERM_HOLDER = (ok: number) => s(404, 404, 403, ok, ok, 403, 403, 401);

/** A term of X appended after the last term of council A (far in the future), optionally followed by one of Y. */
async function freshHolderTerm(f: AuthzFixtures, withSuccessor: boolean): Promise<string> {
  const append = async (participantId: string) =>
    (
      (await f.ctx.db.query(
        `INSERT INTO presidency_terms (council_id, participant_id, period)
         SELECT $1, $2, tstzrange(max(upper(period)), max(upper(period)) + interval '1 year', '[)') FROM presidency_terms WHERE council_id = $1
         RETURNING id`,
        [f.A.councilId, participantId],
      )) as { id: string }[]
    )[0]!.id;
  const termId = await append(f.A.X.participantId);
  if (withSuccessor) await append(f.A.Y.participantId);
  return termId;
}

async function assembleDossier(f: AuthzFixtures, termId: string): Promise<number> {
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/presidency/terms/${termId}/dossier/refresh`).send({});
  if (res.status !== 200) throw new Error(`dossier fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version as number;
}

/** The dossier of the current term of A (X's), assembled once and kept open. */
async function currentDossier(f: AuthzFixtures): Promise<{ termId: string }> {
  const rows = (await f.ctx.db.query(`SELECT 1 FROM handover_dossiers WHERE term_id = $1`, [f.A.termId])) as unknown[];
  if (rows.length === 0) await assembleDossier(f, f.A.termId);
  return { termId: f.A.termId };
}

async function freshPriority(f: AuthzFixtures, termId = f.A.termId): Promise<{ termId: string; priorityId: string; version: number }> {
  const rows = (await f.ctx.db.query(`INSERT INTO presidency_priorities (council_id, term_id, title) VALUES ($1, $2, $3) RETURNING id, version`, [
    f.A.councilId,
    termId,
    JSON.stringify({ es: `Prioridad ${f.unique()}` }),
  ])) as { id: string; version: number }[];
  return { termId, priorityId: rows[0]!.id, version: rows[0]!.version };
}

export const presidencyRoutes: Record<string, MatrixEntry> = {
  // ── presidency ──
  'GET /councils/:councilId/presidency/terms': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/presidency/terms': {
    request: (f) => ({ body: { participantId: f.A.Y.participantId } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'DELETE /councils/:councilId/presidency/terms/:termId': {
    request: async (f) => ({ params: { termId: (await f.fresh.futureTerm()).id } }),
    expect: s(403, 403, 403, 403, 204, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/current': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/troika': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/schedule': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },

  // ── succession and transfer ──
  'GET /councils/:councilId/presidency/successor': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/presidency/waivers': {
    request: async (f) => ({ body: { participantId: f.A.Z.participantId, ...(await adoptedDecision(f)) } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  // Council A rotates in a fixed order: the secretariat passes the permission check and meets 409 ROTATION_NOT_DESIGNATED.
  'POST /councils/:councilId/presidency/designations': {
    request: async (f) => ({ body: { forTermAfter: f.A.termId, participantId: f.A.Y.participantId, ...(await adoptedDecision(f)) } }),
    expect: s(403, 403, 403, 403, 409, 403, 403, 401),
  },
  // A handover would end X's presidency (the chair column of every other case): the secretariat names a stale term and meets 409 STALE_TERM.
  'POST /councils/:councilId/presidency/handover': {
    request: () => ({ body: { mode: 'early', termId: '00000000-0000-4000-8000-000000000000' } }),
    expect: s(403, 403, 403, 403, 409, 403, 403, 401),
  },

  // ── the handover meeting ──
  'POST /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await f.ctx.db.query(`DELETE FROM presidency_handover_meetings WHERE term_id = $1`, [f.A.termId]);
      return { body: { meetingId: (await freshMeeting(f)).meetingId } };
    },
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await designatedHandoverMeeting(f);
      return {};
    },
    expect: MEETING_READERS,
  },
  'DELETE /councils/:councilId/presidency/handover-meeting': {
    request: async (f) => {
      await designatedHandoverMeeting(f);
      return {};
    },
    expect: s(403, 403, 403, 403, 204, 403, 403, 401),
  },

  // ── the handover timeline and dossier ──
  'GET /councils/:councilId/presidency/calendar': { request: () => ({ query: { upcoming: '2' } }), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /councils/:councilId/presidency/handover-settings': { request: () => ({}), expect: HANDOVER_READERS },
  'PUT /councils/:councilId/presidency/handover-settings': {
    request: async (f) => {
      const rows = (await f.ctx.db.query(`SELECT version FROM council_handover_settings WHERE council_id = $1`, [f.A.councilId])) as { version: number }[];
      return { body: { version: rows[0]?.version ?? 0, firstReminderMonths: 12, prioritiesReminderMonths: 6, dossierDays: 90, finalReminderDays: 30 } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/presidency/terms/:termId/handover': { request: (f) => ({ params: { termId: f.A.termId } }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/troika-meeting': {
    request: (f) => ({
      params: { termId: f.A.termId },
      body: {
        startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 40 * 86_400_000 + 7_200_000).toISOString(),
        timeZone: 'America/Guatemala',
      },
    }),
    expect: TERM_HOLDER(201),
  },
  'GET /councils/:councilId/presidency/terms/:termId/priorities': { request: (f) => ({ params: { termId: f.A.termId } }), expect: HANDOVER_READERS },
  'POST /councils/:councilId/presidency/terms/:termId/priorities': {
    request: (f) => ({ params: { termId: f.A.termId }, body: { title: { es: 'Protección de la niñez migrante' }, status: 'planned' } }),
    expect: TERM_HOLDER(201),
  },
  'PATCH /councils/:councilId/presidency/terms/:termId/priorities/:priorityId': {
    request: async (f) => {
      const p = await freshPriority(f);
      return { params: { termId: p.termId, priorityId: p.priorityId }, body: { version: p.version, status: 'in_progress' } };
    },
    expect: TERM_HOLDER(200),
  },
  'DELETE /councils/:councilId/presidency/terms/:termId/priorities/:priorityId': {
    request: async (f) => {
      const p = await freshPriority(f);
      return { params: { termId: p.termId, priorityId: p.priorityId } };
    },
    expect: TERM_HOLDER(204),
  },
  'GET /councils/:councilId/presidency/terms/:termId/dossier': { request: async (f) => ({ params: await currentDossier(f) }), expect: HANDOVER_READERS },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/document': {
    request: async (f) => ({ params: await currentDossier(f), query: { lang: 'es' } }),
    expect: HANDOVER_READERS,
  },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/document.pdf': {
    request: async (f) => ({ params: await currentDossier(f), query: { lang: 'fr' } }),
    expect: HANDOVER_READERS,
  },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/refresh': {
    request: async (f) => ({ params: await currentDossier(f) }),
    expect: TERM_HOLDER(200),
  },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/submit': {
    request: async (f) => {
      const termId = await freshHolderTerm(f, false);
      return { params: { termId }, body: { version: await assembleDossier(f, termId) } };
    },
    expect: TERM_HOLDER(200),
  },
  'GET /councils/:councilId/presidency/terms/:termId/dossier/acknowledgements': {
    request: async (f) => ({ params: await currentDossier(f) }),
    expect: HANDOVER_READERS,
  },
  'POST /councils/:councilId/presidency/terms/:termId/dossier/acknowledgements': {
    // A submitted dossier of an X term followed by a Y term: only Y (the incoming holder) acknowledges; others find no dossier handed to them.
    request: async (f) => {
      const termId = await freshHolderTerm(f, true);
      const { priorityId } = await freshPriority(f, termId);
      const version = await assembleDossier(f, termId);
      const res = await f.ctx.http().post(`/councils/${f.A.councilId}/presidency/terms/${termId}/dossier/submit`).send({ version });
      if (res.status !== 200) throw new Error(`dossier submit fixture: ${res.status} ${JSON.stringify(res.body)}`);
      return { params: { termId }, body: { itemKey: `priority:${priorityId}`, note: 'Received' } };
    },
    expect: s(201, 404, 403, 404, 403, 403, 403, 401),
  },
};
