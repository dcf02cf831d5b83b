import type { ActorName, AuthzFixtures } from '../authz-fixtures.js';

/** What every part of the authorization matrix is built from: a request, the statuses per actor, the column helper. */

export interface MatrixRequest {
  /** Path parameters; `councilId` defaults to council A. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** For wildcard routes: the concrete path to call. */
  path?: string;
  /** A multipart/form-data body instead of JSON (the paper upload): text fields and one file. */
  multipart?: { fields: Record<string, string>; file: { field: string; content: Buffer; filename: string; contentType: string } };
}

export type Statuses = Record<ActorName, number>;

export interface MatrixEntry {
  request: (f: AuthzFixtures) => Promise<MatrixRequest> | MatrixRequest;
  expect: Statuses;
}

/**
 * One row of the matrix; the columns, in order: delegate of Y (the owner
 * delegation), delegate of Z (another delegation), delegate of the observer O,
 * the chair (delegate of X, whose term covers now), secretariat of A,
 * secretariat of B (acting on A), system administrator, anonymous.
 */
export function s(
  ownerDelegate: number,
  otherDelegate: number,
  observerDelegate: number,
  chair: number,
  secretariat: number,
  foreignSecretariat: number,
  admin: number,
  anonymous: number,
): Statuses {
  return { ownerDelegate, otherDelegate, observerDelegate, chair, secretariat, foreignSecretariat, admin, anonymous };
}

export const uniq = (f: AuthzFixtures) => f.unique();

/** The council's secretariat only (not the foreign secretariat, not the administrator). */
export const SECRETARIAT_ONLY = (ok: number) => s(403, 403, 403, 403, ok, 403, 403, 401);
