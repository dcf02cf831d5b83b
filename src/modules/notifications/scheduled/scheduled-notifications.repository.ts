import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type SubjectRoute = 'meeting' | 'action_item' | 'presidency_term';

export interface ScheduledRow {
  id: string;
  kind: string;
  subject_type: string;
  occurrence: string;
  scheduled: boolean;
  due_at: Date;
  status: string;
  done_at: Date | null;
  total: number;
  sent: number;
  pending: number;
  digest: number;
  failed: number;
  off: number;
  last_sent_at: Date | null;
  recipients: { userId: string | null; email: string; language: string; status: string; sentAt: string | null }[] | null;
}

/** The subject's row in its council, with the zone its instants are shown in. */
const SUBJECT_SQL: Record<SubjectRoute, string> = {
  meeting: `SELECT m.time_zone AS "timeZone" FROM meetings m WHERE m.id = $1 AND m.council_id = $2`,
  action_item: `SELECT c.time_zone AS "timeZone" FROM action_items i JOIN councils c ON c.id = i.council_id WHERE i.id = $1 AND i.council_id = $2`,
  presidency_term: `SELECT c.time_zone AS "timeZone" FROM presidency_terms t JOIN councils c ON c.id = t.council_id WHERE t.id = $1 AND t.council_id = $2`,
};

/** The outbox read by subject, with each row's deliveries from the ledger. */
@Injectable()
export class ScheduledNotificationsRepository {
  constructor(private readonly db: DataSource) {}

  /** The zone of the subject when it belongs to the council; undefined otherwise (another council's subject is not found). */
  async subjectZone(route: SubjectRoute, councilId: string, subjectId: string): Promise<string | undefined> {
    const rows = (await this.db.query(SUBJECT_SQL[route], [subjectId, councilId])) as { timeZone: string }[];
    return rows[0]?.timeZone;
  }

  /**
   * Every outbox row of the subject (under any of `subjectTypes`, one id) in the council, oldest due first, with
   * the ledger's counts of the deliveries it made (through the ledger's unique key, whose prefix is the subject).
   */
  async ofSubject(councilId: string, subjectTypes: string[], subjectId: string): Promise<ScheduledRow[]> {
    return this.db.query(
      `SELECT o.id::text AS id, o.kind, o.subject_type, o.occurrence, o.reminder_key IS NOT NULL AS scheduled, o.due_at, o.status, o.done_at,
              d.total, d.sent, d.pending, d.digest, d.failed, d.off, d.last_sent_at, d.recipients
         FROM outbox o
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE x.status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE x.status IN ('pending','sending'))::int AS pending,
                  count(*) FILTER (WHERE x.status IN ('held','digested'))::int AS digest,
                  count(*) FILTER (WHERE x.status = 'failed')::int AS failed,
                  count(*) FILTER (WHERE x.status = 'skipped')::int AS off,
                  max(x.sent_at) AS last_sent_at,
                  jsonb_agg(jsonb_build_object('userId', x.user_id, 'email', x.recipient, 'language', x.language, 'status', x.status, 'sentAt', x.sent_at)
                            ORDER BY x.recipient) AS recipients
             FROM deliveries x
            WHERE x.subject_type = o.subject_type AND x.subject_id = o.subject_id AND x.kind = o.kind AND x.outbox_id = o.id) d
        WHERE o.subject_type = ANY($2::text[]) AND o.subject_id = $3 AND o.council_id = $1
        ORDER BY o.due_at, o.id`,
      [councilId, subjectTypes, subjectId],
    );
  }
}
