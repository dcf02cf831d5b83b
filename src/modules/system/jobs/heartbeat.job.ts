import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import os from 'node:os';
import { HandlesJob, type JobHandler } from '../../../core/queue/job-handler.js';
import type { JobResult } from '../../../core/queue/job-registry.js';

const startedAt = new Date();

/** Stamps this worker's row in worker_heartbeats; /health reports the newest stamp. */
@Injectable()
@HandlesJob('system.heartbeat')
export class HeartbeatJob implements JobHandler<'system.heartbeat'> {
  constructor(private readonly db: DataSource) {}

  async handle(): Promise<JobResult> {
    await this.db.query(
      `INSERT INTO worker_heartbeats (worker_id, hostname, pid, started_at, seen_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (worker_id) DO UPDATE SET seen_at = now(), pid = EXCLUDED.pid, started_at = EXCLUDED.started_at`,
      [`${os.hostname()}-${process.pid}`, os.hostname(), process.pid, startedAt],
    );
    return 'done';
  }
}
