import { type AuthzFixtures } from '../authz-fixtures.js';
import { freshDecision } from './session.js';
import { type MatrixEntry, s } from './shared.js';

/** The authorization matrix (see index.ts for its columns): Action items and their reminders. */

// ───────────────────────────── action items: read by the council; created, edited and reassigned by the chair or the secretariat; moved forward and reported on by the owner's delegates only; verified by the secretariat (or a body's lead); cancelled by the secretariat ─────────────────────────────

/** A fresh action item of council A owned by Y (the first column), in the given status (made by SQL). */
export async function freshActionItem(f: AuthzFixtures, status: 'open' | 'acknowledged' | 'done' = 'open'): Promise<{ actionItemId: string; version: number }> {
  const rows = (await f.ctx.db.query(
    `INSERT INTO action_items (council_id, title, owner_kind, owner_delegation_id, due_date, status, acknowledged_at, done_at)
     VALUES ($1, $2, 'delegation', $3, current_date + 60, $4, CASE WHEN $4 <> 'open' THEN now() END, CASE WHEN $4 = 'done' THEN now() END)
     RETURNING id, version`,
    [f.A.councilId, JSON.stringify({ es: `Tarea ${f.unique()}` }), f.A.Y.delegationId, status],
  )) as { id: string; version: number }[];
  return { actionItemId: rows[0]!.id, version: rows[0]!.version };
}

/** A decision of council A adopted in a fresh session (X, Y and Z present, nobody objecting). */
export async function adoptedDecision(f: AuthzFixtures): Promise<{ decisionId: string }> {
  const { meetingId, decisionId } = await freshDecision(f);
  const res = await f.ctx.http().post(`/councils/${f.A.councilId}/meetings/${meetingId}/decisions/${decisionId}/close`).send({ version: 1 });
  if (res.status !== 200 || res.body.outcome !== 'adopted') throw new Error(`adopted decision fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { decisionId };
}

const ITEM_READERS = s(200, 200, 200, 200, 200, 403, 200, 401);
/** Only delegates have "my delegation's items": the secretariat and the administrator read the council's list instead. */
const MY_ITEMS = s(200, 200, 200, 200, 403, 403, 403, 401);
const CHAIR_OR_SECRETARIAT = (ok: number) => s(403, 403, 403, ok, ok, 403, 403, 401);
/** The owner's delegates only: others in the council find no such item of theirs (404); staff may not move it forward (403). */
const OWNER_ONLY = (ok: number) => s(ok, 404, 404, 404, 403, 403, 403, 401);
const inTwoMonths = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

// ── action-item reminders: the council's offsets, read by anyone who reads the council, replaced by its secretariat ──

/** The version of council A's action-item rules (0 while it uses the defaults). */
async function actionItemRulesVersion(f: AuthzFixtures): Promise<number> {
  const rows = (await f.ctx.db.query(`SELECT version FROM council_action_item_rules WHERE council_id = $1`, [f.A.councilId])) as { version: number }[];
  return rows[0]?.version ?? 0;
}

export const actionItemsRoutes: Record<string, MatrixEntry> = {
  'POST /councils/:councilId/action-items': {
    request: (f) => ({ body: { title: { es: 'Informe de avance' }, ownerKind: 'delegation', ownerDelegationId: f.A.Y.delegationId, dueDate: inTwoMonths() } }),
    expect: CHAIR_OR_SECRETARIAT(201),
  },
  'GET /councils/:councilId/action-items': { request: () => ({ query: { status: 'open,in_progress', limit: '10' } }), expect: ITEM_READERS },
  'GET /councils/:councilId/action-items/counts': { request: () => ({ query: { overdue: 'false' } }), expect: ITEM_READERS },
  'GET /councils/:councilId/me/action-items': { request: () => ({ query: { status: 'open' } }), expect: MY_ITEMS },
  'GET /councils/:councilId/me/action-items/counts': { request: () => ({}), expect: MY_ITEMS },
  'GET /councils/:councilId/action-items/:actionItemId': {
    request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }),
    expect: ITEM_READERS,
  },
  'PATCH /councils/:councilId/action-items/:actionItemId': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return { params: { actionItemId: item.actionItemId }, body: { version: item.version, priority: 'high' } };
    },
    expect: CHAIR_OR_SECRETARIAT(200),
  },
  'POST /councils/:councilId/action-items/:actionItemId/transitions': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return { params: { actionItemId: item.actionItemId }, body: { to: 'acknowledged', version: item.version } };
    },
    expect: OWNER_ONLY(200),
  },
  'GET /councils/:councilId/action-items/:actionItemId/updates': {
    request: async (f) => ({ params: { actionItemId: (await freshActionItem(f)).actionItemId } }),
    expect: ITEM_READERS,
  },
  'POST /councils/:councilId/action-items/:actionItemId/updates': {
    request: async (f) => {
      const item = await freshActionItem(f, 'acknowledged');
      return { params: { actionItemId: item.actionItemId }, body: { version: item.version, text: 'Work has started', percent: 10, rag: 'green' } };
    },
    expect: OWNER_ONLY(201),
  },
  'POST /councils/:councilId/action-items/:actionItemId/reassign': {
    request: async (f) => {
      const item = await freshActionItem(f);
      return {
        params: { actionItemId: item.actionItemId },
        body: { version: item.version, reason: 'More time agreed', dueDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) },
      };
    },
    expect: CHAIR_OR_SECRETARIAT(200),
  },
  'POST /councils/:councilId/decisions/:decisionId/action-items': {
    request: async (f) => ({
      params: await adoptedDecision(f),
      body: { items: [{ title: { es: 'Aplicar la decisión' }, ownerKind: 'delegation', ownerDelegationId: f.A.Y.delegationId, dueDate: inTwoMonths() }] },
    }),
    expect: CHAIR_OR_SECRETARIAT(201),
  },

  // ── action-item reminders ──
  'GET /councils/:councilId/action-item-rules': { request: () => ({}), expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'PUT /councils/:councilId/action-item-rules': {
    request: async (f) => ({
      body: { ackDays: 7, dueSoonDays: [14, 3], overdueDays: 1, escalateDays: 14, agendaDays: 30, version: await actionItemRulesVersion(f) },
    }),
    expect: s(403, 403, 403, 403, 200, 403, 200, 401),
  },
};
