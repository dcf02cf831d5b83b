import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { MailerService } from '../../../core/mail/mailer.service.js';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import type { JobPayloads, JobResult } from '../../../core/queue/job-registry.js';
import { DeliveriesRepository, messageIdOf } from '../deliveries.repository.js';
import { PASSWORD_LINK_KIND, REDACTED_TOKEN } from '../../identity/password-link.kind.js';

/** SMTP reply codes 5xx are permanent (no retry); anything else (4xx, connection errors) is worth retrying. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends a batch of deliveries. Each row is claimed first (only one worker can),
 * so a message goes out once; a worker that dies after claiming leaves a lease
 * that runs out, and the sweeper queues the delivery again. The messages of a
 * batch go out at once over the transport's pooled connections. A message's
 * Message-ID is fixed by its delivery id, so a resend after a crash is the same
 * message. Transient failures are put back and the job is retried (only what is
 * still pending is claimed again); permanent refusals are recorded and dropped.
 */
@Injectable()
@HandlesJob('mail.send')
export class SendMailJob implements JobHandler<'mail.send'> {
  private readonly logger = new Logger('SendMailJob');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly mailer: MailerService,
  ) {}

  async handle({ deliveryIds }: JobPayloads['mail.send']): Promise<JobResult> {
    const claimed = await this.deliveries.claim(this.db.manager, deliveryIds, this.config.notifications.sendLeaseSeconds);
    if (claimed.length === 0) return 'skipped';
    const outcomes = await Promise.allSettled(
      claimed.map((d) =>
        this.mailer.send({
          to: d.recipient,
          subject: d.subject_line,
          text: d.body_text,
          html: d.body_html,
          messageId: messageIdOf(d.id),
          attachments: d.attachments,
        }),
      ),
    );
    const sent = claimed.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    await this.deliveries.markSent(
      this.db.manager,
      sent.map((d) => d.id),
    );
    // One line per email, with the request that caused it (the outbox row's request id): a message traced to its request.
    for (const d of sent) {
      this.logger.log(
        { deliveryId: d.id, outboxId: d.outbox_id, requestId: d.request_id, kind: d.kind, messageId: messageIdOf(d.id), attempt: d.attempts },
        'mail sent',
      );
    }
    let transient: Error | undefined;
    let permanent: Error | undefined;
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      const err = outcome.reason as Error;
      const d = claimed[i]!;
      if (isPermanent(err)) permanent = new UnrecoverableError(`SMTP refused delivery ${d.id}: ${err.message}`);
      else transient = err;
      await this.deliveries.markUnsent(this.db.manager, d.id, isPermanent(err) ? 'failed' : 'pending', err.message);
    }
    for (const [i, d] of claimed.entries()) {
      const outcome = outcomes[i]!;
      // A password link's secret is redacted once the message is out, or will never go.
      if (d.kind === PASSWORD_LINK_KIND && (outcome.status === 'fulfilled' || isPermanent(outcome.reason))) await this.redactSecret(d.id);
    }
    if (transient) throw transient; // retried with backoff: the deliveries put back to pending are claimed again
    if (permanent && sent.length === 0) throw permanent;
    return 'done';
  }

  /**
   * A one-time password link's message holds the secret token (its URL), and
   * the ledger row and the inbox row keep a rendered copy. Once the message is
   * out (or will never go), those copies keep only a REDACTED version: the same
   * text with the token replaced, so the record still shows what was sent but
   * the database never again holds a usable link (only its hash, in
   * password_setup_tokens). A no-op for every other kind. A crash right after
   * sending leaves the copy until the sweeper's resend (a no-op claim) — the
   * link still works once only, and expires. Only called for that kind.
   */
  private async redactSecret(deliveryId: string): Promise<void> {
    // The token follows `token=` (HTML-escaped as `token&#x3D;` in the HTML part).
    const token = `(token(?:=|&#x3D;|&#61;))[A-Za-z0-9_%-]+`;
    await this.db.query(
      `UPDATE deliveries SET body_text = regexp_replace(body_text, $3, '\\1' || $4, 'g'), body_html = regexp_replace(body_html, $3, '\\1' || $4, 'g')
        WHERE id = $1 AND kind = $2`,
      [deliveryId, PASSWORD_LINK_KIND, token, REDACTED_TOKEN],
    );
    await this.db.query(`UPDATE notifications SET body = regexp_replace(body, $3, '\\1' || $4, 'g') WHERE delivery_id = $1 AND kind = $2`, [
      deliveryId,
      PASSWORD_LINK_KIND,
      token,
      REDACTED_TOKEN,
    ]);
  }
}
