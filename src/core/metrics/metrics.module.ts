import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DeploymentMetrics } from './deployment-metrics.js';
import { MetricsService, type MetricsProcess } from './metrics.service.js';

/**
 * Prometheus metrics of this process (MetricsService); in the API also the deployment's gauges read from the
 * database and the queue (DeploymentMetrics). Served by the API at /metrics (src/core/metrics/metrics-route.ts)
 * and by the worker on METRICS_PORT (src/core/metrics/metrics-server.ts).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(processName: MetricsProcess): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: MetricsService, useFactory: () => new MetricsService(processName) }, ...(processName === 'api' ? [DeploymentMetrics] : [])],
      exports: [MetricsService],
    };
  }
}
