import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, delegationScope } from '../../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { type HandoverTermRow, HandoverTermsRepository, termRef } from '../timeline/handover-terms.repository.js';
import { TroikaService } from '../timeline/troika.service.js';
import type { AcknowledgeItemDto } from './dto/acknowledge-item.dto.js';
import type { AcknowledgementListResponse, AcknowledgementResponse, DossierResponse } from './dto/dossier.response.js';
import type { SubmitDossierDto } from './dto/submit-dossier.dto.js';
import { type DossierContent, ITEM_KEY, itemKeys } from './dossier-content.js';
import { type DocumentInput, type DocumentLanguage, renderDossierDocument } from './dossier-document.js';
import { renderDossierPdf } from './dossier-pdf.js';
import { DossierRepository } from './dossier.repository.js';
import { iso } from '../../../core/http/iso.js';
import { acknowledgementResponse, dossierResponse } from './dossier.responses.js';

/**
 * The handover dossier of a term: assembled (by the job 90 days before the end, or on request), refreshed while
 * open, submitted (then frozen), acknowledged entry by entry by the incoming chair; kept with its term for history.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly db: DataSource,
    private readonly terms: HandoverTermsRepository,
    private readonly dossiers: DossierRepository,
    private readonly troika: TroikaService,
    private readonly audit: AuditService,
  ) {}

  async get(councilId: string, termId: string): Promise<DossierResponse> {
    const d = await this.dossiers.findWithContent(councilId, termId);
    if (!d) throw new NotFoundException('handover dossier', termId);
    const { content, ...row } = d;
    return dossierResponse(row, content);
  }

  async document(councilId: string, termId: string, lang: DocumentLanguage | undefined): Promise<string> {
    const { input, language } = await this.documentInput(councilId, termId, lang);
    return renderDossierDocument(input, language);
  }

  /** The same document as a PDF (rendered on the server, no browser). */
  async documentPdf(councilId: string, termId: string, lang: DocumentLanguage | undefined): Promise<Buffer> {
    const { input, language } = await this.documentInput(councilId, termId, lang);
    return renderDossierPdf(input, language);
  }

  private async documentInput(
    councilId: string,
    termId: string,
    lang: DocumentLanguage | undefined,
  ): Promise<{ input: DocumentInput; language: DocumentLanguage }> {
    const term = await this.terms.findInCouncil(councilId, termId);
    const d = term && (await this.dossiers.findWithContent(councilId, termId));
    if (!term || !d) throw new NotFoundException('handover dossier', termId);
    const language = lang ?? ((term.workingLanguages[0] ?? 'en') as DocumentLanguage);
    const input: DocumentInput = {
      councilName: term.councilName,
      status: d.status,
      generatedAt: new Date(d.generatedAt),
      submittedAt: d.submittedAt && new Date(d.submittedAt),
      archivedAt: d.archivedAt && new Date(d.archivedAt),
      acknowledged: d.acknowledgedItems,
      total: d.totalItems,
      content: d.content as unknown as DossierContent,
    };
    return { input, language };
  }

  /** Assembles the dossier, or refreshes an open one (the holder's delegates, the secretariat); 409 DOSSIER_SUBMITTED / DOSSIER_ARCHIVED after. */
  async refresh(councilId: string, termId: string, caller: Caller, now: Date = new Date()): Promise<DossierResponse> {
    await this.db.transaction(async (em) => {
      const term = await this.terms.findInCouncil(councilId, termId, em, delegationScope(caller));
      if (!term) throw new NotFoundException('presidency term', termId);
      const assembled = await this.dossiers.assemble(em, councilId, termId, now, await this.meta(em, term), true);
      if (!assembled) {
        const existing = await this.dossiers.findByTerm(councilId, termId, em);
        throw frozen(termId, existing?.status ?? null, 'it can no longer be refreshed');
      }
      await this.audit.record(em, {
        councilId,
        action: assembled.inserted ? 'handover_dossier.assembled' : 'handover_dossier.refreshed',
        entityType: 'handover_dossier',
        entityId: assembled.id,
        after: { termId, version: assembled.version, generatedAt: iso(assembled.generatedAt), summary: assembled.summary },
      });
    });
    return this.get(councilId, termId);
  }

  /** The job's assembly: creates the dossier if the term has none (once; a second run finds it and does nothing). */
  async assembleOnce(councilId: string, termId: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const term = await this.terms.findInCouncil(councilId, termId, em);
      if (!term) return false;
      const assembled = await this.dossiers.assemble(em, councilId, termId, now, await this.meta(em, term), false);
      if (!assembled) return false;
      await this.audit.record(em, {
        councilId,
        action: 'handover_dossier.assembled',
        entityType: 'handover_dossier',
        entityId: assembled.id,
        after: { termId, version: assembled.version, generatedAt: iso(assembled.generatedAt), summary: assembled.summary, by: 'schedule' },
      });
      return true;
    });
  }

  async submit(councilId: string, termId: string, dto: SubmitDossierDto, caller: Caller): Promise<DossierResponse> {
    await this.db.transaction(async (em) => {
      const term = await this.terms.findInCouncil(councilId, termId, em, delegationScope(caller));
      if (!term) throw new NotFoundException('presidency term', termId);
      const current = await this.dossiers.lockByTerm(em, councilId, termId);
      if (!current) throw new NotFoundException('handover dossier', termId);
      if (current.status !== 'open') {
        throw frozen(termId, current.status, 'it can no longer be submitted');
      }
      if (!(await this.dossiers.submit(em, current.id, dto.version, caller.userId)))
        throw new StaleVersionException('handover dossier', current.id, dto.version);
      await this.audit.record(em, {
        councilId,
        action: 'handover_dossier.submitted',
        entityType: 'handover_dossier',
        entityId: current.id,
        before: { status: 'open', version: current.version },
        after: { status: 'submitted', version: current.version + 1 },
      });
    });
    return this.get(councilId, termId);
  }

  /**
   * The incoming chair (a delegate of the successor term's holder) acknowledges one entry of a submitted (or
   * archived) dossier. Another delegation finds no dossier handed to it (404); an unknown key is a 400.
   */
  async acknowledge(councilId: string, termId: string, dto: AcknowledgeItemDto, caller: Caller): Promise<AcknowledgementResponse> {
    const scope = delegationScope(caller);
    return this.db.transaction(async (em) => {
      const term = await this.terms.findInCouncil(councilId, termId, em);
      const incoming = term?.successor?.delegationId ?? null;
      if (!term || incoming === null || (scope !== null && scope !== incoming)) throw new NotFoundException('handover dossier', termId);
      const dossier = await this.dossiers.findByTerm(councilId, termId, em);
      if (!dossier) throw new NotFoundException('handover dossier', termId);
      if (dossier.status === 'open') {
        throw new ConflictException('DOSSIER_NOT_SUBMITTED', 'the handover dossier has not been submitted yet: there is nothing to acknowledge', {
          status: dossier.status,
        });
      }
      const key = dto.itemKey.trim();
      if (!ITEM_KEY.test(key) || !(await this.dossiers.hasItem(em, dossier.id, key))) {
        throw new InvalidInputException('itemKey', 'dossier_entry', `${key} is not an entry of this dossier`);
      }
      const { row, created, before } = await this.dossiers.acknowledge(em, {
        councilId,
        dossierId: dossier.id,
        itemKey: key,
        note: dto.note?.trim() ?? null,
        delegationId: incoming,
        userId: caller.userId,
      });
      const after = acknowledgementResponse(row);
      await this.audit.record(em, {
        councilId,
        action: created ? 'handover_acknowledgement.recorded' : 'handover_acknowledgement.restated',
        entityType: 'handover_acknowledgement',
        entityId: row.id,
        ...(before ? { before: acknowledgementResponse(before) } : {}),
        after,
      });
      return after;
    });
  }

  async acknowledgements(councilId: string, termId: string): Promise<AcknowledgementListResponse> {
    const d = await this.dossiers.findWithContent(councilId, termId);
    if (!d) throw new NotFoundException('handover dossier', termId);
    const items = (await this.dossiers.listAcknowledgements(d.id)).map(acknowledgementResponse);
    const done = new Set(items.map((a) => a.itemKey));
    const keys = itemKeys(d.content as unknown as DossierContent);
    return { items, progress: { acknowledged: d.acknowledgedItems, total: d.totalItems }, remaining: keys.filter((k) => !done.has(k)) };
  }

  /** The parts of the content computed here: the term, its successor and the troika. */
  private async meta(em: EntityManager, term: HandoverTermRow): Promise<Record<string, unknown>> {
    const troika = await this.troika.ofTerm(term.councilId, term.startsAt, em);
    return { termId: term.id, holder: termRef(term.holder), successor: term.successor ? termRef(term.successor) : null, troika };
  }
}

/** The refusal for a dossier no longer open, with its own code per status: DOSSIER_SUBMITTED or DOSSIER_ARCHIVED. */
function frozen(termId: string, status: string | null, what: string): ConflictException {
  const code = status === 'archived' ? 'DOSSIER_ARCHIVED' : 'DOSSIER_SUBMITTED';
  const state = status === 'archived' ? 'archived with its term' : 'submitted (frozen)';
  return new ConflictException(code, `the handover dossier of term ${termId} is ${state}: ${what}`, { status });
}
