import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../src/core/config/app-config.js';
import { WorkerModule } from '../../src/worker.module.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

/** Settings to change, per section of the configuration (a section's other settings are kept). */
export type ConfigOverrides = { [K in keyof AppConfig]?: AppConfig[K] extends object ? Partial<AppConfig[K]> : AppConfig[K] };

/** A worker inside the test process: its own database pool, queue connections and schedules. */
export interface InProcessWorkerOptions {
  config: AppConfig;
  overrides?: ConfigOverrides;
}

/** A worker (or any compiled entry point, see buildWorker) as an OS process a test may SIGKILL. */
export interface WorkerProcessOptions {
  entry: string;
  env: Record<string, string | undefined>;
}

function withOverrides(config: AppConfig, overrides: ConfigOverrides = {}): AppConfig {
  const out: Record<string, unknown> = { ...config };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return out as unknown as AppConfig;
}

/**
 * Starts a worker: in the test process on the configuration (with `overrides`), initialized — close it, or
 * make it `ctx.worker` for `ctx.close()` to; or, given a compiled `entry`, as a child process with that
 * environment (see worker-process.ts: wait for `ready`, kill it, or killAllWorkerProcesses()).
 */
export function startWorker(options: InProcessWorkerOptions): Promise<INestApplicationContext>;
export function startWorker(options: WorkerProcessOptions): WorkerProcess;
export function startWorker(options: InProcessWorkerOptions | WorkerProcessOptions): Promise<INestApplicationContext> | WorkerProcess {
  if ('entry' in options) return startWorkerProcess(options.entry, options.env);
  return (async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(withOverrides(options.config, options.overrides)), { logger: false });
    await worker.init();
    return worker;
  })();
}
