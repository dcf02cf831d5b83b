import { Module } from '@nestjs/common';
import { DocumentStoreModule } from '../../documents/store/document-store.module.js';
import { MeetingPackBuildJob } from './jobs/meeting-pack-build.job.js';
import { MeetingPackRepository } from './meeting-pack.repository.js';

/** The worker side of the meeting pack: the build job (reads the papers, merges, stores the pack). */
@Module({
  imports: [DocumentStoreModule],
  providers: [MeetingPackBuildJob, MeetingPackRepository],
})
export class MeetingPackWorkerModule {}
