import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import { sendJobs, type JobResult } from '../../../core/queue/job-registry.js';
import { QueueService } from '../../../core/queue/queue.service.js';
import { DeliveriesRepository } from '../deliveries.repository.js';
import { renderMessage } from '../templates/index.js';

interface HeldUser {
  user_id: string;
  email: string;
  full_name: string;
  time_zone: string;
  language: 'es' | 'en' | 'fr' | 'pt';
}

interface HeldRow {
  id: string;
  kind: string;
  subject_line: string;
  body_text: string;
  created_at: Date;
}

/**
 * Daily digests: once the recipient's local clock has passed the digest hour,
 * the deliveries held for them before that moment become one email in their
 * language. The digest is itself a delivery keyed by (user, local date), so a
 * day gets one digest however often this runs.
 */
@Injectable()
@HandlesJob('notify.digest')
export class DigestJob implements JobHandler<'notify.digest'> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly queues: QueueService,
  ) {}

  async handle(): Promise<JobResult> {
    // Language and zone as the latest held message had them: its language, and the zone of the person's
    // active delegate seat in that message's council (what the message itself used), else their own.
    const users = (await this.db.query(
      `SELECT DISTINCT ON (d.user_id) d.user_id, u.email, u.full_name, coalesce(seat.time_zone, u.time_zone) AS time_zone, d.language
         FROM deliveries d JOIN users u ON u.id = d.user_id
         LEFT JOIN LATERAL (
           SELECT dl.time_zone FROM council_roles cr JOIN delegates dl ON dl.id = cr.delegate_id AND dl.active
            WHERE cr.user_id = d.user_id AND cr.council_id = d.council_id ORDER BY cr.created_at LIMIT 1) seat ON true
        WHERE d.status = 'held' ORDER BY d.user_id, d.id DESC`,
    )) as HeldUser[];
    const made: string[] = [];
    for (const user of users) {
      const local = DateTime.now().setZone(user.time_zone);
      if (!local.isValid || local.hour < this.config.notifications.digestHour) continue;
      const cutoff = local.startOf('day').plus({ hours: this.config.notifications.digestHour }).toJSDate();
      const id = await this.db.transaction(async (em) => {
        const held = (await em.query(
          `SELECT id::text AS id, kind, subject_line, body_text, created_at FROM deliveries
            WHERE user_id = $1 AND status = 'held' AND created_at < $2 ORDER BY id FOR UPDATE SKIP LOCKED`,
          [user.user_id, cutoff],
        )) as HeldRow[];
        if (held.length === 0) return undefined;
        const date = local.toISODate()!;
        const rendered = renderMessage('digest.daily', user.language, {
          recipientName: user.full_name,
          recipientTimeZone: user.time_zone,
          date,
          items: held.map((h) => ({ kind: h.kind, title: h.subject_line, summary: h.body_text.slice(0, 280), at: h.created_at })),
        } as never);
        const digestId = await this.deliveries.insertOnce(em, {
          outboxId: null,
          councilId: null,
          userId: user.user_id,
          subjectType: 'user',
          subjectId: user.user_id,
          kind: 'digest.daily',
          occurrence: date,
          recipient: user.email,
          language: user.language,
          mode: 'immediate',
          status: 'pending',
          subjectLine: rendered.subject,
          bodyText: rendered.text,
          bodyHtml: rendered.html,
          attachments: [],
        });
        if (!digestId) return undefined;
        await em.query(`UPDATE deliveries SET status = 'digested', digest_id = $2 WHERE id = ANY($1::bigint[])`, [held.map((h) => h.id), digestId]);
        return digestId;
      });
      if (id) made.push(id);
    }
    await this.queues.addBulk('mail.send', sendJobs(made));
    return made.length ? 'done' : 'skipped';
  }
}
