import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantsService } from './participants.service.js';

@Module({
  imports: [CouncilsModule, DelegationsModule],
  controllers: [ParticipantsController],
  providers: [ParticipantsService, ParticipantsRepository],
  exports: [ParticipantsRepository],
})
export class ParticipantsModule {}
