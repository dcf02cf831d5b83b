import { Module } from '@nestjs/common';
import { HandoverTimelineModule } from '../timeline/handover-timeline.module.js';
import { DossierController } from './dossier.controller.js';
import { DossierRepository } from './dossier.repository.js';
import { DossierService } from './dossier.service.js';
import { DossierAssembleJob } from './jobs/dossier-assemble.job.js';
import { PrioritiesController } from './priorities.controller.js';
import { PrioritiesRepository } from './priorities.repository.js';
import { PrioritiesService } from './priorities.service.js';

/**
 * The handover dossier: the chair's priorities, the dossier, its document, submission and acknowledgements; the
 * periodic assembly (run by the worker) 90 days (the council's dossierDays) before a term ends.
 */
@Module({
  imports: [HandoverTimelineModule],
  controllers: [DossierController, PrioritiesController],
  providers: [DossierService, DossierRepository, PrioritiesService, PrioritiesRepository, DossierAssembleJob],
})
export class HandoverDossierModule {}
