import { Module } from '@nestjs/common';
import { DocumentStoreModule } from '../../documents/store/document-store.module.js';
import { MeetingPackController } from './meeting-pack.controller.js';
import { MeetingPackRepository } from './meeting-pack.repository.js';
import { MeetingPackService } from './meeting-pack.service.js';

/** The meeting pack (API): which papers go in, its cache key, serving it once the worker built it. */
@Module({
  imports: [DocumentStoreModule],
  controllers: [MeetingPackController],
  providers: [MeetingPackService, MeetingPackRepository],
})
export class MeetingPackModule {}
