import { Module } from '@nestjs/common';
import { CouncilsController } from './councils.controller.js';
import { CouncilsRepository } from './councils.repository.js';
import { CouncilsService } from './councils.service.js';

@Module({
  controllers: [CouncilsController],
  providers: [CouncilsService, CouncilsRepository],
  exports: [CouncilsRepository],
})
export class CouncilsModule {}
