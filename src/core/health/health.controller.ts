import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { QueueService } from '../queue/queue.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly queues: QueueService,
    private readonly db: DataSource,
  ) {}

  @Get()
  @RequirePermission('health.read')
  @HealthCheck()
  @ApiOperation({ summary: 'Database and queue backend reachable; last worker heartbeat' })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.queue(), () => this.worker()]);
  }

  /** Liveness: the process answers (no dependency is asked: a database outage must not get the API restarted). */
  @Get('live')
  @RequirePermission('health.read')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness probe: the process answers (nothing else is checked)' })
  live() {
    return this.health.check([]);
  }

  /** Readiness: this process can serve — database, queue backend, and every migration it knows applied (503 otherwise). */
  @Get('ready')
  @RequirePermission('health.read')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness probe: database and queue backend reachable, every migration applied (503 when not)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.queue(), () => this.migrations()]);
    } catch (err) {
      // Not ready is an answer, not an error: 503 with terminus' report of what is down (and no error log line per probe).
      if (!(err instanceof ServiceUnavailableException)) throw err;
      void reply.status(503);
      return err.getResponse();
    }
  }

  /** Every migration this build knows is recorded as applied (a process started ahead of `npm run migration:run` is not ready). */
  private async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('migrations');
    const known = this.db.migrations.map((m) => m.name).filter((n): n is string => !!n);
    try {
      const table = this.db.options.migrationsTableName ?? 'migrations';
      const rows = (await this.db.query(`SELECT name FROM ${table}`)) as { name: string }[];
      const applied = new Set(rows.map((r) => r.name));
      const pending = known.filter((n) => !applied.has(n));
      return pending.length === 0 ? check.up({ applied: known.length }) : check.down({ pending });
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }

  private async queue(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('queue');
    try {
      // A queue connection retries for ever (BullMQ's setting): a backend that does not answer in 2 s is down.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the queue backend did not answer within 2000 ms')), 2000)));
      await Promise.race([this.queues.ping(), late]).finally(() => clearTimeout(timer));
      return check.up({ backend: this.queues.backend.kind });
    } catch (err) {
      return check.down({ backend: this.queues.backend.kind, message: (err as Error).message });
    }
  }

  /** Informational: the API stays healthy while no worker runs, but says when one was last seen. */
  private async worker(): Promise<HealthIndicatorResult> {
    const rows = (await this.db.query(`SELECT max(seen_at) AS seen_at FROM worker_heartbeats`)) as { seen_at: Date | null }[];
    return this.indicator.check('worker').up({ lastSeenAt: rows[0]?.seen_at ?? null });
  }
}
