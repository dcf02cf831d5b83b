import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewDelivery {
  outboxId: string | null;
  councilId: string | null;
  userId: string;
  subjectType: string;
  subjectId: string;
  kind: string;
  occurrence: string;
  recipient: string;
  language: string;
  mode: 'immediate' | 'digest';
  status: 'pending' | 'held' | 'skipped';
  subjectLine: string;
  bodyText: string;
  bodyHtml: string;
  attachments: unknown[];
}

export interface ClaimedDelivery {
  id: string;
  recipient: string;
  subject_line: string;
  body_text: string;
  body_html: string;
  attachments: { filename: string; content: string; contentType: string }[];
  attempts: number;
  kind: string;
  outbox_id: string | null;
  /** The request that caused the delivery's outbox row (for the worker's log line), if any. */
  request_id: string | null;
}

/** The Message-ID of a delivery: fixed by its id, so a message sent again after a crash is recognisably the same. */
export const messageIdOf = (deliveryId: string) => `<delivery-${deliveryId}@protempore>`;

/** The delivery ledger: one row per (subject, kind, occurrence, recipient), so a message is made once. */
@Injectable()
export class DeliveriesRepository {
  /** The new row's id, or undefined when this delivery already exists. */
  async insertOnce(em: EntityManager, d: NewDelivery): Promise<string | undefined> {
    return (await this.insertManyOnce(em, [d]))[0]?.id;
  }

  /**
   * Many deliveries in one statement (one subject, many recipients): the rows made now, each with its
   * recipient; rows that already exist are left as they are and not returned.
   */
  async insertManyOnce(em: EntityManager, rows: NewDelivery[]): Promise<{ id: string; recipient: string; outboxId: string | null }[]> {
    if (rows.length === 0) return [];
    return em.query(
      `INSERT INTO deliveries (outbox_id, council_id, user_id, subject_type, subject_id, kind, occurrence, recipient, language, mode, status,
                               subject_line, body_text, body_html, attachments)
       SELECT r."outboxId", r."councilId", r."userId", r."subjectType", r."subjectId", r.kind, r.occurrence, r.recipient, r.language, r.mode,
              r.status, r."subjectLine", r."bodyText", r."bodyHtml", r.attachments
         FROM jsonb_to_recordset($1::jsonb) AS r("outboxId" bigint, "councilId" uuid, "userId" uuid, "subjectType" text, "subjectId" text,
              kind text, occurrence text, recipient text, language text, mode text, status text, "subjectLine" text, "bodyText" text,
              "bodyHtml" text, attachments jsonb)
       ON CONFLICT ON CONSTRAINT deliveries_once DO NOTHING
       RETURNING id::text AS id, recipient, outbox_id::text AS "outboxId"`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Claims deliveries for sending: pending ones, or ones claimed by a worker that died (their lease ran out).
   * Only one claimer gets each row.
   */
  async claim(em: EntityManager, ids: string[], leaseSeconds: number): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE (even with RETURNING) with [rows, affected count].
    const [rows] = (await em.query(
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = now()
        WHERE id = ANY($1::bigint[]) AND (status = 'pending' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $2)))
        RETURNING id::text AS id, recipient, subject_line, body_text, body_html, attachments, attempts, kind, outbox_id::text AS outbox_id,
                  (SELECT o.request_id FROM outbox o WHERE o.id = deliveries.outbox_id) AS request_id`,
      [ids, leaseSeconds],
    )) as [ClaimedDelivery[], number];
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Sent, each under the Message-ID fixed by its id (see messageIdOf). */
  async markSent(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await em.query(
      `UPDATE deliveries SET status = 'sent', sent_at = now(), message_id = '<delivery-' || id || '@protempore>', last_error = NULL
        WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
      [ids],
    );
  }

  /** Back to pending for a retry (transient failure), or failed for good. */
  async markUnsent(em: EntityManager, id: string, status: 'pending' | 'failed', error: string): Promise<void> {
    await em.query(`UPDATE deliveries SET status = $2, last_error = $3, claimed_at = NULL WHERE id = $1 AND status = 'sending'`, [
      id,
      status,
      error.slice(0, 500),
    ]);
  }

  /** Deliveries waiting to be sent for longer than the threshold, or whose sender died: their job may be lost. */
  async stale(em: EntityManager, olderThanSeconds: number, leaseSeconds: number, limit: number): Promise<string[]> {
    const rows = (await em.query(
      `SELECT id::text AS id FROM deliveries
        WHERE (status = 'pending' AND created_at < now() - make_interval(secs => $1))
           OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $2))
        ORDER BY id LIMIT $3`,
      [olderThanSeconds, leaseSeconds, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
