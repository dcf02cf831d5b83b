import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxRow } from '../../core/outbox/notification-kind.js';

const COLUMNS = `id::text AS id, council_id AS "councilId", kind, subject_type AS "subjectType", subject_id AS "subjectId",
  occurrence, payload, due_at AS "dueAt", generation, request_id AS "requestId"`;

/** The worker's side of the outbox: claiming due rows, finding lost ones, and closing rows. */
@Injectable()
export class OutboxQueueRepository {
  /** Due rows no other relay holds, marked enqueued in the caller's transaction. */
  async claimDue(em: EntityManager, limit: number): Promise<{ id: string; generation: number }[]> {
    // TypeORM answers an UPDATE (even with RETURNING) with [rows, affected count].
    const [rows] = (await em.query(
      `WITH due AS (
         SELECT id FROM outbox WHERE status = 'pending' AND due_at <= now() ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET status = 'enqueued', enqueued_at = now() FROM due WHERE o.id = due.id
       RETURNING o.id::text AS id, o.generation`,
      [limit],
    )) as [{ id: string; generation: number }[], number];
    return rows;
  }

  /** Rows queued long ago and still not done: their job may be lost. */
  async staleEnqueued(em: EntityManager, olderThanSeconds: number, limit: number): Promise<{ id: string; generation: number }[]> {
    return em.query(
      `SELECT id::text AS id, generation FROM outbox
        WHERE status = 'enqueued' AND enqueued_at < now() - make_interval(secs => $1) ORDER BY enqueued_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
  }

  async touchEnqueued(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await em.query(`UPDATE outbox SET enqueued_at = now() WHERE id = ANY($1::bigint[]) AND status = 'enqueued'`, [ids]);
  }

  /**
   * The rows to dispatch, locked, in id order; only those still live and due in the generation they were queued in.
   * A 'pending' row is accepted too: the relay adds the job before its claim commits, and a worker quick enough to
   * start the job first would otherwise not see the row as enqueued (its snapshot predates the claim) and drop it.
   */
  async lockForDispatch(em: EntityManager, outboxes: { id: string; generation: number }[]): Promise<OutboxRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM outbox o
         JOIN unnest($1::bigint[], $2::int[]) AS q(id, generation) USING (id, generation)
        WHERE o.status IN ('pending','enqueued') AND o.due_at <= now()
        ORDER BY o.id FOR UPDATE OF o`,
      [outboxes.map((o) => o.id), outboxes.map((o) => o.generation)],
    );
  }

  async markDone(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await em.query(`UPDATE outbox SET status = 'done', done_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
