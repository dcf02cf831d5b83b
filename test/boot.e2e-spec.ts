import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, ModulesContainer, NestFactory } from '@nestjs/core';
import { JOB_HANDLER } from '../src/core/queue/job-handler.js';
import { JOBS, type JobName, QUEUES, schedules } from '../src/core/queue/job-registry.js';
import { QueueService } from '../src/core/queue/queue.service.js';
import { WorkerHost } from '../src/core/queue/worker-host.service.js';
import { WorkerModule } from '../src/worker.module.js';
import { sleep, until } from './support/notifications.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * Both processes boot from the same domain modules: the API (createApi, as src/main.ts) and the worker
 * (WorkerModule.forRoot, as src/worker.ts). A provider that cannot be resolved fails here, not in a deployment.
 * The API only enqueues: no queue worker, no job scheduler, no job run; the worker has one handler per job name.
 */

/** Every provider and controller of every module, as "Module.Provider" for those Nest has no instance of. */
function unresolved(app: INestApplicationContext): string[] {
  const missing: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const [kind, wrappers] of [
      ['provider', module.providers],
      ['controller', module.controllers],
    ] as const) {
      for (const wrapper of wrappers.values()) {
        if (!wrapper.isDependencyTreeStatic() || wrapper.isTransient) continue; // request-scoped: made per request
        if (wrapper.instance === undefined || wrapper.instance === null) missing.push(`${module.metatype.name}.${String(wrapper.name)} (${kind})`);
      }
    }
  }
  return missing;
}

/** The providers marked @HandlesJob, by job name. */
function jobHandlers(app: INestApplicationContext): Map<string, string[]> {
  const handlers = new Map<string, string[]>();
  for (const wrapper of app.get(DiscoveryService).getProviders()) {
    const name = wrapper.metatype ? (Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as string | undefined) : undefined;
    if (name && wrapper.instance) handlers.set(name, [...(handlers.get(name) ?? []), String(wrapper.name)]);
  }
  return handlers;
}

describe('boot: the API and the worker', () => {
  let ctx: TestContext;
  let queues: QueueService;
  const probeJobId = 'boot-probe-silence-sweep';

  beforeAll(async () => {
    ctx = await createTestContext({ worker: false });
    queues = ctx.app.get(QueueService);
  });
  afterAll(() => ctx.close());

  it('the API starts with every provider and controller resolved', () => {
    expect(unresolved(ctx.app)).toEqual([]);
  });

  it('the API runs no queue worker, upserts no job scheduler and runs no job: it only enqueues', async () => {
    const hosts = [...ctx.app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()].filter((w) => w.metatype === WorkerHost));
    expect(hosts).toEqual([]);
    await queues.add('silence.sweep', {}, probeJobId);
    await sleep(1500);
    for (const name of Object.values(QUEUES)) {
      expect({ queue: name, workers: await queues.queue(name).getWorkersCount() }).toEqual({ queue: name, workers: 0 });
      expect({ queue: name, schedulers: await queues.queue(name).getJobSchedulersCount() }).toEqual({ queue: name, schedulers: 0 });
    }
    expect(await queues.queue(JOBS['silence.sweep'].queue).getJobState(probeJobId)).toBe('waiting');
  });

  describe('the worker', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(ctx.config), { logger: false });
      await worker.init();
      ctx.worker = worker; // closed with the context
    });

    it('starts with every provider and controller resolved, and serves no HTTP', () => {
      expect(unresolved(worker)).toEqual([]);
      expect('listen' in worker).toBe(false);
      expect(worker.get(WorkerHost)).toBeInstanceOf(WorkerHost);
    });

    it('has exactly one handler for every job name of the job registry', () => {
      const handlers = jobHandlers(worker);
      const names = Object.keys(JOBS) as JobName[];
      expect(names.filter((n) => !handlers.has(n))).toEqual([]);
      expect([...handlers].filter(([, providers]) => providers.length > 1)).toEqual([]);
      expect([...handlers.keys()].filter((n) => !(n in JOBS))).toEqual([]);
    });

    it('listens on every queue, upserts the job schedulers, and runs the job the API enqueued', async () => {
      for (const name of Object.values(QUEUES)) {
        await until(`a worker on the ${name} queue`, async () => ((await queues.queue(name).getWorkersCount()) > 0 ? true : undefined));
      }
      const expected = schedules(ctx.config);
      const upserted = await until('the job schedulers', async () => {
        const all = (await Promise.all(Object.values(QUEUES).map((q) => queues.queue(q).getJobSchedulers()))).flat();
        return all.length >= expected.length ? all : undefined;
      });
      expect(upserted.map((s) => s.key).sort()).toEqual(expected.map((s) => s.id).sort());
      await until('the probe job completed', async () =>
        (await queues.queue(JOBS['silence.sweep'].queue).getJobState(probeJobId)) === 'completed' ? true : undefined,
      );
    });
  });
});
