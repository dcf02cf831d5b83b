import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads, JobResult } from './job-registry.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the processor of one job name; the worker finds it at boot. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<JobResult>;
}
