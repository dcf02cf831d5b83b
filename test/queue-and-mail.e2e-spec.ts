import { MailerService } from '../src/core/mail/mailer.service.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { createTestContext, type QueueKind, type TestContext } from './support/test-app.js';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each<QueueKind>(['postgres', 'redis'])('queue and mail on the %s backend', (queue) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ queue, worker: true });
  });
  afterAll(() => ctx.close());

  it('runs the scheduled heartbeat job in the worker', async () => {
    const row = await until(async () => {
      const rows = (await ctx.db.query('SELECT worker_id, seen_at FROM worker_heartbeats')) as { worker_id: string }[];
      return rows[0];
    });
    expect(row.worker_id).toContain(String(process.pid));
    const health = await ctx.http().get('/health').expect(200);
    expect(health.body.info.worker.lastSeenAt).not.toBeNull();
  });

  it('treats a job id as the job: adding it twice runs it once', async () => {
    const queues = ctx.app.get(QueueService);
    await ctx.db.query('DELETE FROM worker_heartbeats');
    await Promise.all([queues.add('system.heartbeat', {}, 'heartbeat-once'), queues.add('system.heartbeat', {}, 'heartbeat-once')]);
    const job = await until(async () => {
      const j = await queues.queue('system').getJob('heartbeat-once');
      // Read the job again once it is completed: the first read may predate its result.
      return j && (await j.isCompleted()) ? await queues.queue('system').getJob('heartbeat-once') : undefined;
    });
    expect(job.returnvalue).toBe('done');
    expect(job.attemptsMade).toBeLessThanOrEqual(1);
    // Once more after it ran: still the same job, not run again.
    await queues.add('system.heartbeat', {}, 'heartbeat-once');
    await new Promise((r) => setTimeout(r, 300));
    const again = await queues.queue('system').getJob('heartbeat-once');
    expect(again?.processedOn).toBe(job.processedOn);
    expect(await again?.isCompleted()).toBe(true);
  });

  it('delivers mail through SMTP to the sink, readable as a parsed message', async () => {
    const mailer = ctx.worker!.get(MailerService);
    await mailer.send({ to: 'head.mx@demo.protempore.org', subject: `Prueba ${queue}`, text: 'Reunión el 3 de marzo', html: '<p>Reunión</p>' });
    const got = await ctx.mail.waitFor((m) => m.subject === `Prueba ${queue}`);
    expect(got.to).toEqual(['head.mx@demo.protempore.org']);
    expect(got.text).toContain('Reunión el 3 de marzo');
    expect(got.html).toContain('<p>Reunión</p>');
  });
});
