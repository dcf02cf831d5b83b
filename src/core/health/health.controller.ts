import { Controller, Get } from '@nestjs/common';
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

  private async queue(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('queue');
    try {
      await this.queues.ping();
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
