import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { BodiesController } from './bodies.controller.js';
import { BodiesRepository } from './bodies.repository.js';
import { BodiesService } from './bodies.service.js';
import { BodyLeadsController } from './body-leads.controller.js';
import { BodyLeadsRepository } from './body-leads.repository.js';
import { BodyLeadsService } from './body-leads.service.js';

/** Working groups, task forces and thematic networks, and the participants leading them. */
@Module({
  imports: [CouncilsModule],
  controllers: [BodiesController, BodyLeadsController],
  providers: [BodiesService, BodyLeadsService, BodiesRepository, BodyLeadsRepository],
})
export class BodiesModule {}
