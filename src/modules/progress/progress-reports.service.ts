import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import { ConflictException, InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { AgendaRepository } from '../meetings/agenda/agenda.repository.js';
import type { CreateProgressReportDto } from './dto/create-progress-report.dto.js';
import type { ProgressReportResponse } from './dto/progress-report.response.js';
import { renderProgressReportHtml, reportLanguage, reportTitle } from './progress-report-html.js';
import { renderProgressReportPdf } from './progress-report-pdf.js';
import type { ProgressReportSnapshot } from './progress-report-snapshot.js';
import { ProgressReportsRepository, type ProgressReportRow } from './progress-reports.repository.js';
import { combine, rollup } from './progress-rollup.js';
import { ProgressRepository } from './progress.repository.js';
import { progressItem, recommendationProgress } from './progress.responses.js';

/** The unfinished items a report lists (the roll-ups always count every item). */
export const REPORT_ITEMS_LIMIT = 1000;

/**
 * Progress reports, produced by the secretariat for a meeting: the council's
 * (or one body's) roll-ups and unfinished items frozen as JSON and as an HTML
 * document in the council's first working language. Optionally attached, in
 * the same transaction, to an item of the meeting's agenda (not adopted yet)
 * as a document {title, url} — the url is the document route.
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly progress: ProgressRepository,
    private readonly reports: ProgressReportsRepository,
    private readonly agendas: AgendaRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(councilId: string, dto: CreateProgressReportDto, caller: Caller): Promise<ProgressReportResponse> {
    if (dto.agendaItemId !== undefined && dto.meetingId === undefined) {
      throw new InvalidInputException('agendaItemId', 'requires_meeting', 'agendaItemId names an item of the agenda of meetingId: give meetingId too');
    }
    return this.db.transaction(async (em) => {
      const council = await this.progress.council(councilId, em);
      if (!council) throw new NotFoundException('council', councilId);
      const body = dto.bodyId === undefined ? null : await this.reports.body(em, councilId, dto.bodyId);
      if (body === undefined) throw new NotFoundException('body', dto.bodyId!);
      const meeting = dto.meetingId === undefined ? null : await this.reports.meeting(em, councilId, dto.meetingId);
      if (meeting === undefined) throw new NotFoundException('meeting', dto.meetingId!);

      const scope = body ? { bodyId: body.id } : {};
      const recommendations = (await this.progress.recommendationRollups(councilId, {}, scope, em)).map(recommendationProgress);
      const owners = (await this.progress.ownerRollups(councilId, scope, em)).map((o) => ({
        ownerKind: o.ownerKind,
        ownerId: o.ownerId,
        ownerName: o.ownerName,
        ...rollup(o.counts, o.overdue),
      }));
      const items = await this.progress.items(councilId, { ...scope, unfinished: true }, REPORT_ITEMS_LIMIT + 1, em);
      const snapshot: ProgressReportSnapshot = {
        council: { id: councilId, name: council.name },
        body,
        meeting: meeting ? { id: meeting.id, title: meeting.title, startsAt: new Date(meeting.startsAt).toISOString() } : null,
        today: council.today,
        overall: combine(owners),
        recommendations,
        owners,
        items: items.slice(0, REPORT_ITEMS_LIMIT).map(progressItem),
        itemsTruncated: items.length > REPORT_ITEMS_LIMIT,
      };
      const language = reportLanguage(council.workingLanguages);
      const title = reportTitle(language, council.name, body?.name ?? null);
      const id = randomUUID();
      await this.reports.insert(em, {
        id,
        councilId,
        bodyId: body?.id ?? null,
        meetingId: meeting?.id ?? null,
        language,
        title,
        snapshot,
        html: renderProgressReportHtml(snapshot, language),
        createdBy: caller.userId,
      });
      if (dto.agendaItemId !== undefined) await this.attach(em, councilId, dto.meetingId!, dto.agendaItemId, id, `${title} (${council.today})`);
      const created = (await this.reports.find(councilId, id, em))!;
      await this.audit.record(em, {
        councilId,
        action: 'progress_report.created',
        entityType: 'progress_report',
        entityId: id,
        after: { bodyId: created.bodyId, meetingId: created.meetingId, agendaItemId: created.agendaItemId, language, title, overall: snapshot.overall },
      });
      return this.response(created);
    });
  }

  async get(councilId: string, id: string): Promise<ProgressReportResponse> {
    const row = await this.reports.find(councilId, id);
    if (!row) throw new NotFoundException('progress report', id);
    return this.response(row);
  }

  async document(councilId: string, id: string): Promise<string> {
    const html = await this.reports.html(councilId, id);
    if (html === undefined) throw new NotFoundException('progress report', id);
    return html;
  }

  /** The frozen report as a PDF, in the report's language (rendered on the server from the snapshot). */
  async documentPdf(councilId: string, id: string): Promise<Buffer> {
    const row = await this.reports.find(councilId, id);
    if (!row) throw new NotFoundException('progress report', id);
    return renderProgressReportPdf(row.snapshot, reportLanguage([row.language]));
  }

  documentUrl(councilId: string, id: string): string {
    return `${this.config.publicUrl}/councils/${councilId}/progress-reports/${id}/document`;
  }

  /** Appends {title, url} to the agenda item's documents, while the agenda is not adopted (locks: meeting share, agenda, item — the agenda's order). */
  private async attach(em: EntityManager, councilId: string, meetingId: string, agendaItemId: string, reportId: string, title: string): Promise<void> {
    if (!(await this.agendas.findMeeting(councilId, meetingId, em, 'share'))) throw new NotFoundException('meeting', meetingId);
    const agenda = await this.agendas.lockAgenda(em, councilId, meetingId);
    if (agenda.status === 'adopted') {
      throw new ConflictException(
        'AGENDA_ADOPTED',
        'the agenda of this meeting is adopted: documents can no longer be added to its items',
        { agendaStatus: agenda.status },
        'agendaItemId',
      );
    }
    const item = await this.agendas.findItem(em, councilId, meetingId, agendaItemId, true);
    if (!item) throw new NotFoundException('agenda item', agendaItemId);
    if (item.status !== 'scheduled') {
      throw new ConflictException(
        'AGENDA_ITEM_NOT_SCHEDULED',
        `the agenda item is ${item.status.replace('_', ' ')}: attach the report to a scheduled item`,
        { itemStatus: item.status },
        'agendaItemId',
      );
    }
    const documents = [...item.documents, { title, url: this.documentUrl(councilId, reportId) }];
    const { title: itemTitle, purpose, presenterParticipantId, minutesAllotted, concernsPermanentParticipants, status } = item;
    const values = { title: itemTitle, purpose, presenterParticipantId, minutesAllotted, concernsPermanentParticipants, documents, status };
    if (!(await this.agendas.updateItemVersioned(em, councilId, meetingId, agendaItemId, item.version, values))) {
      throw new Error('the locked agenda item changed under its lock');
    }
    await this.reports.setAgendaItem(em, reportId, agendaItemId);
    await this.audit.record(em, {
      councilId,
      action: 'agenda_item.document_attached',
      entityType: 'agenda_item',
      entityId: agendaItemId,
      before: { documents: item.documents, version: item.version },
      after: { documents, version: item.version + 1, progressReportId: reportId },
    });
  }

  private response(r: ProgressReportRow): ProgressReportResponse {
    return {
      id: r.id,
      councilId: r.councilId,
      bodyId: r.bodyId,
      meetingId: r.meetingId,
      agendaItemId: r.agendaItemId,
      language: r.language,
      title: r.title,
      documentUrl: this.documentUrl(r.councilId, r.id),
      snapshot: r.snapshot as unknown as Record<string, unknown>,
      createdBy: r.createdBy,
      createdAt: new Date(r.createdAt).toISOString(),
    };
  }
}
