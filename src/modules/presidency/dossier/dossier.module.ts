import { Module } from '@nestjs/common';
import { PresidencyRepository } from '../presidency.repository.js';
import { HandoverTermsRepository } from '../timeline/handover-terms.repository.js';
import { TroikaService } from '../timeline/troika.service.js';
import { DossierController } from './dossier.controller.js';
import { DossierRepository } from './dossier.repository.js';
import { DossierService } from './dossier.service.js';
import { PrioritiesController } from './priorities.controller.js';
import { PrioritiesRepository } from './priorities.repository.js';
import { PrioritiesService } from './priorities.service.js';

/** The handover dossier (API): the chair's priorities, the dossier, its document, submission and acknowledgements. */
@Module({
  controllers: [DossierController, PrioritiesController],
  providers: [DossierService, DossierRepository, PrioritiesService, PrioritiesRepository, HandoverTermsRepository, TroikaService, PresidencyRepository],
})
export class HandoverDossierModule {}
