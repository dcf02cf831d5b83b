import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { DelegatesController } from './delegates.controller.js';
import { DelegatesRepository } from './delegates.repository.js';
import { DelegatesService } from './delegates.service.js';
import { DelegationsController } from './delegations.controller.js';
import { DelegationsRepository } from './delegations.repository.js';
import { DelegationsService } from './delegations.service.js';

@Module({
  imports: [CouncilsModule],
  controllers: [DelegationsController, DelegatesController],
  providers: [DelegationsService, DelegationsRepository, DelegatesService, DelegatesRepository],
  exports: [DelegationsRepository, DelegatesRepository],
})
export class DelegationsModule {}
