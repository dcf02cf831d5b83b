import { Module } from '@nestjs/common';
import { DocumentStoreModule } from '../../documents/store/document-store.module.js';
import { MeetingPackBuildJob } from './jobs/meeting-pack-build.job.js';
import { MeetingPackController } from './meeting-pack.controller.js';
import { MeetingPackRepository } from './meeting-pack.repository.js';
import { MeetingPackService } from './meeting-pack.service.js';

/** The meeting pack: which papers go in, its cache key, the build job (run by the worker: reads the papers, merges, stores the pack), serving it once built. */
@Module({
  imports: [DocumentStoreModule],
  controllers: [MeetingPackController],
  providers: [MeetingPackService, MeetingPackRepository, MeetingPackBuildJob],
})
export class MeetingPackModule {}
