import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../../../core/queue/job-handler.js';
import type { JobResult } from '../../../../core/queue/job-registry.js';
import { DossierRepository } from '../dossier.repository.js';
import { DossierService } from '../dossier.service.js';

const BATCH = 50;

/**
 * Periodic (HANDOVER_DOSSIER_INTERVAL_MS): assembles the dossier of every term that has entered its council's
 * dossier window (default 90 days before the end) and has none — once: the unique term_id makes a second run,
 * or a second worker, find it and do nothing.
 */
@Injectable()
@HandlesJob('handover.dossier_assemble')
export class DossierAssembleJob implements JobHandler<'handover.dossier_assemble'> {
  private readonly logger = new Logger('DossierAssembleJob');

  constructor(
    private readonly dossiers: DossierRepository,
    private readonly service: DossierService,
  ) {}

  async handle(): Promise<JobResult> {
    const now = new Date();
    let assembled = 0;
    for (const t of await this.dossiers.termsDueForAssembly(now, BATCH)) if (await this.service.assembleOnce(t.councilId, t.termId, now)) assembled++;
    if (assembled) this.logger.log({ assembled }, 'handover dossiers assembled');
    return assembled ? 'done' : 'skipped';
  }
}
