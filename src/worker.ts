import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/app-config.js';
import { migrateBeforeBoot } from './core/database/migrate-before-boot.js';
import { exitWithParent } from './core/process/exit-with-parent.js';
import { WorkerModule } from './worker.module.js';

/** The worker process: queues and schedulers, no HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  await migrateBeforeBoot(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  exitWithParent(() => app.close());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
