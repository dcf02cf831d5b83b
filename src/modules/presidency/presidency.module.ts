import { Module } from '@nestjs/common';
import { PresidencyController } from './presidency.controller.js';
import { PresidencyRepository } from './presidency.repository.js';
import { PresidencyService } from './presidency.service.js';

@Module({
  controllers: [PresidencyController],
  providers: [PresidencyRepository, PresidencyService],
  // The handover timeline reads the terms through PresidencyRepository (the troika, the public presidency calendar).
  exports: [PresidencyService, PresidencyRepository],
})
export class PresidencyModule {}
