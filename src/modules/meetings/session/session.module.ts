import { Module } from '@nestjs/common';
import { PublishedDecisionsController } from './published-decisions.controller.js';
import { SessionController } from './session.controller.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';

/** The meeting in session: attendance and quorum, decisions by consensus with objections and consultation positions, published adopted decisions. */
@Module({
  controllers: [SessionController, PublishedDecisionsController],
  providers: [SessionService, SessionRepository],
})
export class SessionModule {}
