import { type AuthzFixtures } from '../authz-fixtures.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): The silence procedure (decisions in writing between meetings). */

// ── silence procedure (decisions in writing between meetings): circulated by the chair or the secretariat; member delegates break silence; council members read ──

/** A fresh silence procedure of council A, circulated by the operator (secretariat) with a deadline four days ahead. */
async function freshSilenceProcedure(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const res = await f.ctx
    .http()
    .post(`/councils/${f.A.councilId}/silence-procedures`)
    .send({ text: { es: `Se aprueba el informe ${f.unique()}` }, deadline: new Date(Date.now() + 4 * 86_400_000).toISOString() });
  if (res.status !== 201) throw new Error(`silence procedure fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId: res.body.id as string };
}

/** Y (the owner delegation) has broken silence on a fresh procedure. */
async function brokenSilenceProcedure(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const { decisionId } = await freshSilenceProcedure(f);
  const res = await f.ctx
    .anonymous()
    .post(`/councils/${f.A.councilId}/silence-procedures/${decisionId}/break`)
    .set(f.actors.ownerDelegate!.auth)
    .send({ reason: 'Our capital objects' });
  if (res.status !== 201) throw new Error(`silence break fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId };
}

export const silenceRoutes: Record<string, MatrixEntry> = {
  'POST /councils/:councilId/silence-procedures': {
    request: () => ({
      body: { text: { es: 'Se aprueba por escrito', en: 'Approved in writing' }, deadline: new Date(Date.now() + 4 * 86_400_000).toISOString() },
    }),
    expect: s(403, 403, 403, 201, 201, 403, 403, 401),
  },
  'GET /councils/:councilId/silence-procedures': { request: () => ({ query: { status: 'proposed' } }), expect: s(200, 200, 200, 200, 200, 403, 200, 401) },
  'GET /councils/:councilId/silence-procedures/:decisionId': {
    request: async (f) => ({ params: await freshSilenceProcedure(f) }),
    expect: s(200, 200, 200, 200, 200, 403, 200, 401),
  },
  'POST /councils/:councilId/silence-procedures/:decisionId/break': {
    request: async (f) => ({ params: await freshSilenceProcedure(f), body: { reason: 'We need to consult our capital' } }),
    expect: s(201, 201, 403, 201, 403, 403, 403, 401),
  },
  'DELETE /councils/:councilId/silence-procedures/:decisionId/break': {
    // Only the delegation that broke silence (Y) withdraws its break: other delegates have none to withdraw (404).
    request: async (f) => ({ params: await brokenSilenceProcedure(f) }),
    expect: s(200, 404, 403, 404, 403, 403, 403, 401),
  },
  'POST /councils/:councilId/silence-procedures/:decisionId/positions': {
    request: async (f) => ({ params: await freshSilenceProcedure(f), body: { position: 'support', note: 'Migrant networks agree' } }),
    expect: s(201, 201, 403, 201, 403, 403, 403, 401),
  },
};
