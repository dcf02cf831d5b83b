import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { MeetingsService } from '../../meetings/meetings.service.js';
import type { HandoverSettingsResponse, UpdateHandoverSettingsDto } from './dto/handover-settings.dto.js';
import type { HandoverTimelineResponse, TroikaMeetingResponse } from './dto/handover-timeline.response.js';
import type { TroikaMeetingDto } from './dto/troika-meeting.dto.js';
import { HandoverPlanner } from './handover-planner.service.js';
import { HandoverSettingsRepository, type HandoverSettingsRow } from './handover-settings.repository.js';
import { HandoverTermsRepository, termRef } from './handover-terms.repository.js';
import { timelineOf } from './handover-timeline.js';
import { TroikaService } from './troika.service.js';
import type { Caller } from '../../../core/auth/caller.js';
import { delegationScope } from '../../../core/auth/caller.js';
import type { TermRef } from '../dossier/dossier-content.js';

const settingsResponse = (s: HandoverSettingsRow): HandoverSettingsResponse => ({
  firstReminderMonths: s.firstReminderMonths,
  prioritiesReminderMonths: s.prioritiesReminderMonths,
  dossierDays: s.dossierDays,
  finalReminderDays: s.finalReminderDays,
  version: s.version,
});

/** The handover timeline: the council's settings, a term's reminder stages, and the troika meeting. */
@Injectable()
export class HandoverTimelineService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: HandoverSettingsRepository,
    private readonly terms: HandoverTermsRepository,
    private readonly planner: HandoverPlanner,
    private readonly troika: TroikaService,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  async getSettings(councilId: string): Promise<HandoverSettingsResponse> {
    if (!(await this.terms.councilExists(councilId))) throw new NotFoundException('council', councilId);
    return settingsResponse(await this.settings.find(councilId));
  }

  /** Saves the settings and moves the council's scheduled reminders in the same transaction. */
  async putSettings(councilId: string, dto: UpdateHandoverSettingsDto): Promise<HandoverSettingsResponse> {
    if (dto.prioritiesReminderMonths >= dto.firstReminderMonths) {
      throw new InvalidInputException('prioritiesReminderMonths', 'before_first_reminder', 'prioritiesReminderMonths must be fewer than firstReminderMonths');
    }
    if (dto.finalReminderDays >= dto.dossierDays)
      throw new InvalidInputException('finalReminderDays', 'after_dossier', 'finalReminderDays must be fewer than dossierDays');
    if (dto.dossierDays > dto.prioritiesReminderMonths * 28) {
      throw new InvalidInputException(
        'dossierDays',
        'after_priorities',
        'dossierDays must fall after the priorities reminder (at most 28 days per month of prioritiesReminderMonths)',
      );
    }
    return this.db.transaction(async (em) => {
      if (!(await this.terms.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      const before = await this.settings.find(councilId, em);
      const saved = await this.settings.save(em, councilId, dto, dto.version);
      if (!saved) throw new StaleVersionException('handover settings', councilId, dto.version);
      await this.planner.plan(em, new Date(), councilId);
      const after = settingsResponse(saved);
      await this.audit.record(em, {
        councilId,
        action: 'handover_settings.updated',
        entityType: 'council_handover_settings',
        entityId: councilId,
        before: settingsResponse(before),
        after,
      });
      return after;
    });
  }

  async timeline(councilId: string, termId: string, now: Date = new Date()): Promise<HandoverTimelineResponse> {
    const term = await this.terms.findInCouncil(councilId, termId);
    if (!term) throw new NotFoundException('presidency term', termId);
    const stages = timelineOf(term, await this.settings.find(councilId));
    const live = new Map(
      (
        await this.settings.liveReminders(
          this.db.manager,
          stages.map((s) => s.key),
        )
      ).map((l) => [l.key, l]),
    );
    return {
      termId,
      outgoing: termRef(term.holder),
      incoming: term.successor ? termRef(term.successor) : null,
      stages: stages.map((s) => {
        const l = live.get(s.key);
        const state = l && l.occurrence === s.occurrence ? 'scheduled' : s.dueAt.getTime() <= now.getTime() ? 'past' : 'due';
        return { stage: s.stage, kind: s.kind, dueAt: s.dueAt.toISOString(), state };
      }),
    };
  }

  /** Creates a (draft) meeting of the council titled for the troika around the term: previous, current, next holders. */
  async troikaMeeting(councilId: string, termId: string, dto: TroikaMeetingDto, caller: Caller): Promise<TroikaMeetingResponse> {
    return this.db.transaction(async (em) => {
      const term = await this.terms.findInCouncil(councilId, termId, em, delegationScope(caller));
      if (!term) throw new NotFoundException('presidency term', termId);
      const t = await this.troika.ofTerm(councilId, term.startsAt, em);
      const name = (r: TermRef | null) => r?.name ?? '—';
      const title = `Troika: ${name(t.previous)} / ${name(t.current)} / ${name(t.next)}`.slice(0, 200);
      const meeting = await this.meetings.create(
        councilId,
        {
          kind: dto.kind ?? 'senior_officials',
          title,
          startsAt: dto.startsAt,
          endsAt: dto.endsAt,
          timeZone: dto.timeZone,
          ...(dto.venue !== undefined ? { venue: dto.venue } : {}),
          ...(dto.onlineUrl !== undefined ? { onlineUrl: dto.onlineUrl } : {}),
          ...(dto.hostParticipantId !== undefined ? { hostParticipantId: dto.hostParticipantId } : {}),
        },
        null,
        em,
      );
      await this.audit.record(em, {
        councilId,
        action: 'handover.troika_meeting_scheduled',
        entityType: 'presidency_term',
        entityId: termId,
        after: { meetingId: meeting.id, title },
      });
      return { meetingId: meeting.id, title, previous: t.previous, current: t.current, next: t.next };
    });
  }
}
