import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context.js';
import type { NotificationKindName, NotificationRequest } from './notification-payloads.js';

/**
 * The request this change is made for (its X-Request-Id), kept on the outbox row so the worker's logs of its
 * dispatch and emails can name it; null outside a request (the worker's own jobs). Rescheduling keeps the last
 * request's id (a job that reschedules keeps the one before it).
 */
function requestId(): string | null {
  const id = requestContext.current()?.requestId;
  return id && id.length <= 64 ? id : null;
}

/**
 * The outbox: a change that should notify someone writes a row here in its own
 * transaction (so a rollback leaves nothing). The worker's relay moves due rows
 * into the queue; the sweeper puts back what the queue lost.
 */
@Injectable()
export class OutboxService {
  /** Notify as soon as the change commits (the kind and its payload are checked against NotificationPayloads). */
  async notify<K extends NotificationKindName>(em: EntityManager, request: NotificationRequest<K>): Promise<string> {
    return this.insert(em, request, null, new Date());
  }

  /**
   * A reminder at `dueAt`, under a stable key: scheduling the same key again
   * replaces it (new time, new content ids); it fires once.
   */
  async schedule<K extends NotificationKindName>(em: EntityManager, key: string, dueAt: Date, request: NotificationRequest<K>): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO outbox (council_id, kind, subject_type, subject_id, occurrence, payload, reminder_key, due_at, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (reminder_key) WHERE reminder_key IS NOT NULL AND status IN ('pending','enqueued')
       DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, occurrence = EXCLUDED.occurrence,
                     kind = EXCLUDED.kind, subject_type = EXCLUDED.subject_type, subject_id = EXCLUDED.subject_id,
                     status = 'pending', generation = outbox.generation + 1, enqueued_at = NULL,
                     request_id = coalesce(EXCLUDED.request_id, outbox.request_id)
       RETURNING id::text AS id`,
      this.values(request, key, dueAt),
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Locks the live row of a reminder key (if any) until the transaction ends: a change then waits for a dispatch in progress. */
  async lock(em: EntityManager, key: string): Promise<void> {
    await em.query(`SELECT id FROM outbox WHERE reminder_key = $1 AND status IN ('pending','enqueued') FOR UPDATE`, [key]);
  }

  /** Cancels every live reminder whose key starts with `keyPrefix`; returns how many. */
  async cancel(em: EntityManager, keyPrefix: string): Promise<number> {
    const [, count] = (await em.query(
      `UPDATE outbox SET status = 'cancelled', done_at = now()
        WHERE reminder_key LIKE $1 || '%' AND status IN ('pending','enqueued')`,
      [keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)],
    )) as [unknown, number];
    return count;
  }

  private async insert(em: EntityManager, request: NotificationRequest, key: string | null, dueAt: Date): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO outbox (council_id, kind, subject_type, subject_id, occurrence, payload, reminder_key, due_at, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      this.values(request, key, dueAt),
    )) as { id: string }[];
    return rows[0]!.id;
  }

  private values(r: NotificationRequest, key: string | null, dueAt: Date): unknown[] {
    return [r.councilId, r.kind, r.subjectType, r.subjectId, r.occurrence ?? 'once', JSON.stringify(r.payload ?? {}), key, dueAt, requestId()];
  }
}
