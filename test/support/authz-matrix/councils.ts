import { type MatrixEntry, s, uniq } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Councils, their participants, delegations and delegates, bodies and their leads. */

export const councilsRoutes: Record<string, MatrixEntry> = {
  // ── councils ──
  'GET /councils': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils': {
    // No council in the route: only anonymous, authenticated and admin roles exist there.
    request: (f) => ({ body: { slug: `n-${uniq(f)}`, name: `New council ${uniq(f)}`, workingLanguages: ['es'], timeZone: 'UTC' } }),
    expect: s(403, 403, 403, 403, 403, 403, 201, 401),
  },
  'GET /councils/:councilId': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'PATCH /councils/:councilId': {
    request: async (f) => ({ body: { version: await f.fresh.version('councils', f.A.councilId), name: `Council A ${uniq(f)}` } }),
    expect: s(403, 403, 403, 403, 200, 403, 200, 401),
  },

  // ── participants ──
  'GET /councils/:councilId/participants': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'POST /councils/:councilId/participants': {
    request: (f) => ({ body: { kind: 'permanent_participant', name: `Network ${uniq(f)}`, category: 'academia' } }),
    expect: s(403, 403, 403, 403, 201, 403, 403, 401),
  },
  'POST /councils/:councilId/participants/rotation-order': {
    request: async (f) => {
      const rows = (await f.ctx.db.query(`SELECT id FROM participants WHERE council_id = $1 AND kind = 'member_state' ORDER BY rotation_position`, [
        f.A.councilId,
      ])) as { id: string }[];
      return { body: { participantIds: rows.map((r) => r.id) } };
    },
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/participants/:participantId': {
    request: (f) => ({ params: { participantId: f.A.Y.participantId } }),
    expect: s(200, 200, 200, 200, 200, 200, 200, 200),
  },
  'PATCH /councils/:councilId/participants/:participantId': {
    // Even Y's own delegate may not edit Y as a participant: that is the secretariat's.
    request: async (f) => ({
      params: { participantId: f.A.Y.participantId },
      body: { version: await f.fresh.version('participants', f.A.Y.participantId), timeZone: 'America/Guatemala' },
    }),
    expect: s(403, 403, 403, 403, 200, 403, 403, 401),
  },

  // ── delegations ──
  'GET /councils/:councilId/delegations': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'GET /councils/:councilId/delegations/:delegationId': {
    request: (f) => ({ params: { delegationId: f.A.Y.delegationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/delegations/:delegationId': {
    request: async (f) => ({
      params: { delegationId: f.A.Y.delegationId },
      body: { version: await f.fresh.version('delegations', f.A.Y.delegationId), contactEmail: `y-${uniq(f)}@test.protempore.org` },
    }),
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'GET /councils/:councilId/delegations/:delegationId/delegates': {
    request: (f) => ({ params: { delegationId: f.A.Y.delegationId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'POST /councils/:councilId/delegations/:delegationId/delegates': {
    request: (f) => ({
      params: { delegationId: f.A.Y.delegationId },
      body: { fullName: 'New Adviser', email: `adviser-${uniq(f)}@test.protempore.org`, role: 'adviser' },
    }),
    expect: s(201, 404, 404, 404, 201, 403, 403, 401),
  },
  'PATCH /councils/:councilId/delegations/:delegationId/delegates/:delegateId': {
    request: async (f) => {
      const d = await f.fresh.delegate(f.A.councilId, f.A.Y.delegationId);
      return { params: { delegationId: f.A.Y.delegationId, delegateId: d.id }, body: { version: d.version, fullName: 'Renamed Delegate' } };
    },
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },
  'DELETE /councils/:councilId/delegations/:delegationId/delegates/:delegateId': {
    request: async (f) => {
      const d = await f.fresh.delegate(f.A.councilId, f.A.Y.delegationId);
      return { params: { delegationId: f.A.Y.delegationId, delegateId: d.id } };
    },
    expect: s(200, 404, 404, 404, 200, 403, 403, 401),
  },

  // ── bodies (the chair manages them) ──
  'GET /councils/:councilId/bodies': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'POST /councils/:councilId/bodies': {
    request: (f) => ({ body: { kind: 'working_group', name: `Working group ${uniq(f)}` } }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/bodies/:bodyId': {
    request: (f) => ({ params: { bodyId: f.A.bodyId } }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'PATCH /councils/:councilId/bodies/:bodyId': {
    request: async (f) => {
      const b = await f.fresh.body();
      return { params: { bodyId: b.id }, body: { version: b.version, name: `Renamed body ${uniq(f)}` } };
    },
    expect: s(403, 403, 403, 200, 200, 403, 403, 401),
  },
  'POST /councils/:councilId/bodies/:bodyId/leads': {
    request: async (f) => {
      const b = await f.fresh.body();
      return { params: { bodyId: b.id }, body: { participantId: f.A.Y.participantId, from: '2026-01-01' } };
    },
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'DELETE /councils/:councilId/bodies/:bodyId/leads/:leadId': {
    // A lead held by Y: even Y's delegate may not remove it.
    request: async (f) => {
      const lead = await f.fresh.lead();
      return { params: { bodyId: lead.bodyId, leadId: lead.id } };
    },
    expect: s(403, 403, 403, 204, 204, 403, 403, 401),
  },
};
