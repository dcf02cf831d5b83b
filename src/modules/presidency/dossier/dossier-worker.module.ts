import { Module } from '@nestjs/common';
import { PresidencyRepository } from '../presidency.repository.js';
import { HandoverTermsRepository } from '../timeline/handover-terms.repository.js';
import { TroikaService } from '../timeline/troika.service.js';
import { DossierRepository } from './dossier.repository.js';
import { DossierService } from './dossier.service.js';
import { DossierAssembleJob } from './jobs/dossier-assemble.job.js';

/** The worker side of the dossier: the periodic assembly 90 days (the council's dossierDays) before a term ends. */
@Module({
  providers: [DossierAssembleJob, DossierService, DossierRepository, HandoverTermsRepository, TroikaService, PresidencyRepository],
})
export class HandoverDossierWorkerModule {}
