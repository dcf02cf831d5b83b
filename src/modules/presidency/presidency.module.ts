import { Module } from '@nestjs/common';
import { PresidencyController } from './presidency.controller.js';
import { PresidencyRepository } from './presidency.repository.js';
import { PresidencyService } from './presidency.service.js';

@Module({
  controllers: [PresidencyController],
  providers: [PresidencyRepository, PresidencyService],
  exports: [PresidencyService],
})
export class PresidencyModule {}
