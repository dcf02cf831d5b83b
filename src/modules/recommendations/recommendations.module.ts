import { Module } from '@nestjs/common';
import { FocusAreasController } from './focus-areas.controller.js';
import { FocusAreasRepository } from './focus-areas.repository.js';
import { FocusAreasService } from './focus-areas.service.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsRepository } from './recommendations.repository.js';
import { RecommendationsService } from './recommendations.service.js';

/** The task force's recommendations, grouped in focus areas. */
@Module({
  controllers: [FocusAreasController, RecommendationsController],
  providers: [FocusAreasService, RecommendationsService, FocusAreasRepository, RecommendationsRepository],
})
export class RecommendationsModule {}
