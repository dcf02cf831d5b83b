import { Module } from '@nestjs/common';
import { HeartbeatJob } from './jobs/heartbeat.job.js';

/** Jobs that keep the deployment itself running. Worker only. */
@Module({ providers: [HeartbeatJob] })
export class SystemModule {}
