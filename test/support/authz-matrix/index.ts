import { ACTOR_NAMES } from '../authz-fixtures.js';
import { systemRoutes } from './system.js';
import { councilsRoutes } from './councils.js';
import { recommendationsRoutes } from './recommendations.js';
import { identityRoutes } from './identity.js';
import { notificationsRoutes } from './notifications.js';
import { meetingsRoutes } from './meetings.js';
import { agendaRoutes } from './agenda.js';
import { sessionRoutes } from './session.js';
import { silenceRoutes } from './silence.js';
import { minutesRoutes } from './minutes.js';
import { actionItemsRoutes } from './action-items.js';
import { progressRoutes } from './progress.js';
import { presidencyRoutes } from './presidency.js';
import { documentsRoutes } from './documents.js';
import type { MatrixEntry } from './shared.js';

function assemble(...parts: Record<string, MatrixEntry>[]): Record<string, MatrixEntry> {
  const matrix: Record<string, MatrixEntry> = {};
  for (const part of parts) {
    for (const [route, entry] of Object.entries(part)) {
      if (route in matrix) throw new Error(`authorization matrix: ${route} entered twice`);
      matrix[route] = entry;
    }
  }
  return matrix;
}

/**
 * The authorization matrix: one entry per route the API serves ("METHOD /path"
 * as Fastify knows it), with how to build a valid request against objects
 * owned by OTHERS (delegation Y owns them; Y's delegate is the first column),
 * and the status each actor must get.
 *
 * The truth is src/core/auth/permissions.ts. Reminders:
 * - 401: no credentials on a route anonymous callers may not use;
 * - 403: signed in, but no role in the route's council gives the permission;
 * - 404: an own-scoped permission (delegation.update, delegate.manage) used on
 *   another delegation's rows — the query is limited to the caller's delegation.
 *
 * Requests that would change something are built on fresh objects (see
 * `fresh` in authz-fixtures.ts), so every case starts from the same world.
 *
 * One file per domain beside this one holds its routes' entries and the fixtures they need; a new route
 * goes in its domain's file. A route entered twice fails here, at load.
 */
export const MATRIX: Record<string, MatrixEntry> = assemble(
  systemRoutes,
  councilsRoutes,
  recommendationsRoutes,
  identityRoutes,
  notificationsRoutes,
  meetingsRoutes,
  agendaRoutes,
  sessionRoutes,
  silenceRoutes,
  minutesRoutes,
  actionItemsRoutes,
  progressRoutes,
  presidencyRoutes,
  documentsRoutes,
);

export type { MatrixEntry, MatrixRequest, Statuses } from './shared.js';
export { pathOf, send, type SentResponse, splitRoute } from './send.js';
export { fastifyRoutes, isDocsRoute, nestRoutes } from './route-table.js';
export { ACTOR_NAMES };
