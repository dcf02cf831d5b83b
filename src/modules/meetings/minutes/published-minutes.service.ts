import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../../../core/errors/domain.exception.js';
import type { PdfLanguage } from '../../../core/pdf/pdf-writer.js';
import type { PublishedMinutesListResponse } from './dto/published-minutes-list.response.js';
import type { PublishedMinutesResponse } from './dto/published-minutes.response.js';
import { MinutesRepository } from './minutes.repository.js';
import { minutesLanguage, renderMinutesPdf } from './minutes-pdf.js';
import { iso } from '../../../core/http/iso.js';

/** Approved minutes, read by anyone (no sign-in). Drafts, circulated minutes and comments are never published. */
@Injectable()
export class PublishedMinutesService {
  constructor(private readonly minutes: MinutesRepository) {}

  async list(councilId: string): Promise<PublishedMinutesListResponse> {
    if (!(await this.minutes.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const rows = await this.minutes.listApproved(councilId);
    return {
      items: rows.map((r) => ({
        meetingId: r.meetingId,
        meetingTitle: r.meetingTitle,
        meetingKind: r.meetingKind,
        meetingStartsAt: iso(r.meetingStartsAt),
        approvedAt: iso(r.approvedAt),
      })),
    };
  }

  /** 404 unless the meeting's minutes are approved (a draft is not found, whoever asks). */
  async get(councilId: string, meetingId: string): Promise<PublishedMinutesResponse> {
    const r = await this.minutes.findApproved(councilId, meetingId);
    if (!r) throw new NotFoundException('minutes', meetingId);
    return { meetingId: r.meetingId, status: 'approved', circulatedAt: iso(r.circulatedAt), approvedAt: iso(r.approvedAt), content: r.content };
  }

  /** Approved minutes as a PDF (404 unless approved). */
  async documentPdf(councilId: string, meetingId: string, lang: PdfLanguage | undefined): Promise<Buffer> {
    const r = await this.minutes.findApproved(councilId, meetingId);
    if (!r) throw new NotFoundException('minutes', meetingId);
    return renderMinutesPdf(
      { status: 'approved', content: r.content, commentDeadline: null, approvedAt: new Date(r.approvedAt) },
      minutesLanguage(r.content, lang),
    );
  }
}
