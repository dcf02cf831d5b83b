import { Module } from '@nestjs/common';
import { CouncilReferencesRepository } from './council-references.repository.js';
import { CouncilsController } from './councils.controller.js';
import { CouncilsRepository } from './councils.repository.js';
import { CouncilsService } from './councils.service.js';

@Module({
  controllers: [CouncilsController],
  providers: [CouncilsService, CouncilsRepository, CouncilReferencesRepository],
  // CouncilReferencesRepository: how other modules check that a row they are given is of the council, and who presides.
  exports: [CouncilsRepository, CouncilReferencesRepository],
})
export class CouncilsModule {}
