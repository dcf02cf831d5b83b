import { Module } from '@nestjs/common';
import { SilenceController } from './silence.controller.js';
import { SilenceRepository } from './silence.repository.js';
import { SilenceService } from './silence.service.js';

/** Decisions taken in writing between meetings (the silence procedure): circulating, breaking silence, positions. The worker closes them (SilenceWorkerModule). */
@Module({
  controllers: [SilenceController],
  providers: [SilenceService, SilenceRepository],
})
export class SilenceModule {}
