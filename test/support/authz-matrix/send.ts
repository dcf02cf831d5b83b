import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AuthzFixtures } from '../authz-fixtures.js';
import type { MatrixRequest } from './shared.js';

/** Building a matrix case's path and sending its request as an actor. */

export function splitRoute(route: string): { method: string; pattern: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  return { method, pattern };
}

/** The concrete path of a route for a built request (council A unless the request names another). */
export function pathOf(route: string, req: MatrixRequest, f: AuthzFixtures): string {
  const { pattern } = splitRoute(route);
  if (req.path) return req.path.replace(':councilId', req.params?.councilId ?? f.A.councilId);
  const params: Record<string, string> = { councilId: f.A.councilId, ...req.params };
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: the request builder gives no value for :${name}`);
    return value;
  });
}

export interface SentResponse {
  status: number;
  body: { code?: string; errors?: { field: string; rule: string; message: string }[] } & Record<string, unknown>;
  text: string;
}

/** Sends the built request as the actor (no Authorization header for anonymous). */
export async function send(app: NestFastifyApplication, method: string, path: string, req: MatrixRequest, authorization: string | null): Promise<SentResponse> {
  const agent = request(app.getHttpServer());
  const m = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete' | 'head' | 'options';
  let r = agent[m](path);
  if (authorization) r = r.set('authorization', authorization);
  for (const [k, v] of Object.entries(req.headers ?? {})) r = r.set(k, v);
  if (req.query) r = r.query(req.query);
  if (req.body !== undefined) r = r.send(req.body);
  if (req.multipart) {
    for (const [k, v] of Object.entries(req.multipart.fields)) r = r.field(k, v);
    const { field, content, filename, contentType } = req.multipart.file;
    r = r.attach(field, content, { filename, contentType });
  }
  const res = await r;
  return { status: res.status, body: res.body as SentResponse['body'], text: res.text ?? '' }; // no text for a binary body (a PDF)
}
