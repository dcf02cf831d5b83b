import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { CouncilReferencesRepository } from '../../councils/council-references.repository.js';
import type { MeetingResponse } from '../dto/meeting.response.js';
import type { UpdateMeetingDto } from '../dto/update-meeting.dto.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { MeetingsService } from '../meetings.service.js';
import { meetingResponse } from '../meetings.responses.js';
import { pageSize } from '../../../core/http/pagination.js';
import { decodeSeriesCursor, encodeSeriesCursor } from '../list-cursors.js';
import type { ListSeriesQuery } from './dto/list-series.query.js';
import type { CreateSeriesDto } from './dto/create-series.dto.js';
import type { SeriesListResponse } from './dto/series-list.response.js';
import type { SeriesVersionDto } from './dto/series-version.dto.js';
import type { SeriesResponse } from './dto/series.response.js';
import type { UpdateSeriesDto } from './dto/update-series.dto.js';
import { differsFromRule, isCalendarDate, occurrenceTimes, planSeries, type RecurrenceEnd, type RecurrenceRule, rruleText } from './recurrence.js';
import { type SeriesRow, SeriesRepository, type SeriesValues } from './series.repository.js';
import { iso } from '../../../core/http/iso.js';

const ruleOf = (s: Pick<SeriesRow, 'frequency' | 'repeatInterval' | 'weekday' | 'weekOfMonth'>): RecurrenceRule => ({
  frequency: s.frequency,
  interval: s.repeatInterval,
  weekday: s.weekday,
  weekOfMonth: s.weekOfMonth,
});
const endOf = (s: Pick<SeriesRow, 'untilDate' | 'occurrenceCount'>): RecurrenceEnd => ({ untilDate: s.untilDate, count: s.occurrenceCount });
const timingOf = (s: Pick<SeriesRow, 'startTime' | 'durationMinutes' | 'timeZone'>) => ({
  localTime: s.startTime,
  durationMinutes: s.durationMinutes,
  timeZone: s.timeZone,
});

/** The series without its occurrences (what the audit rows hold). */
function seriesFields(s: SeriesRow): Omit<SeriesResponse, 'occurrences'> {
  return {
    id: s.id,
    councilId: s.councilId,
    bodyId: s.bodyId,
    kind: s.kind,
    title: s.title,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    timeZone: s.timeZone,
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    recurrence: ruleOf(s),
    rrule: rruleText(ruleOf(s), endOf(s)),
    firstDate: s.firstDate,
    untilDate: s.untilDate,
    count: s.occurrenceCount,
    status: s.status,
    endedAt: s.endedAt ? iso(s.endedAt) : null,
    version: s.version,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

function seriesResponse(s: SeriesRow, meetings: MeetingResponse[]): SeriesResponse {
  const occurrences = meetings
    .filter((m) => m.occurrenceDate !== null)
    .sort((a, b) => a.occurrenceDate!.localeCompare(b.occurrenceDate!))
    .map((m) => ({
      occurrenceDate: m.occurrenceDate!,
      ruleStartsAt: occurrenceTimes(m.occurrenceDate!, s.startTime, s.durationMinutes, s.timeZone).startsAt.toISOString(),
      moved: differsFromRule({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), timeZone: m.timeZone }, timingOf(s), m.occurrenceDate!),
      meeting: m,
    }));
  return { ...seriesFields(s), occurrences };
}

/**
 * Meeting series: a rule that creates a body's regular meetings as draft
 * occurrences, through the meetings service (same checks, chair and
 * deadlines, one audit row each), all in the series' transaction. A single
 * occurrence is moved or cancelled with the meeting routes and stays in the
 * series; a change of the series reaches the future drafts that still follow
 * it; ending the series cancels its future drafts and keeps the rest.
 */
@Injectable()
export class SeriesService {
  constructor(
    private readonly db: DataSource,
    private readonly series: SeriesRepository,
    private readonly meetings: MeetingsService,
    private readonly meetingRows: MeetingsRepository,
    private readonly audit: AuditService,
    private readonly council: CouncilReferencesRepository,
  ) {}

  async create(councilId: string, dto: CreateSeriesDto, now: Date = new Date()): Promise<SeriesResponse> {
    for (const field of ['firstDate', 'untilDate'] as const) {
      const value = dto[field];
      if (value !== undefined && !isCalendarDate(value)) throw new InvalidInputException(field, 'calendar_date', `${field} (${value}) is not a calendar date`);
    }
    const rule: RecurrenceRule = {
      frequency: dto.recurrence.frequency,
      interval: dto.recurrence.interval ?? 1,
      weekday: dto.recurrence.weekday,
      weekOfMonth: dto.recurrence.weekOfMonth ?? null,
    };
    const end: RecurrenceEnd = { untilDate: dto.untilDate ?? null, count: dto.count ?? null };
    const plan = planSeries(
      { rule, firstDate: dto.firstDate, end, localTime: dto.startTime, durationMinutes: dto.durationMinutes, timeZone: dto.timeZone },
      now,
    );
    if (!plan.ok) throw new InvalidInputException(plan.problem.field, plan.problem.rule, plan.problem.message);
    return this.db.transaction(async (em) => {
      if (!(await this.meetingRows.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      if (dto.bodyId !== undefined && !(await this.council.hasBody(councilId, dto.bodyId, em))) throw new NotFoundException('body', dto.bodyId);
      const seriesId = await this.series.insert(em, councilId, {
        bodyId: dto.bodyId ?? null,
        kind: dto.kind,
        title: dto.title.trim(),
        startTime: dto.startTime,
        durationMinutes: dto.durationMinutes,
        timeZone: dto.timeZone,
        venue: dto.venue ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        frequency: rule.frequency,
        repeatInterval: rule.interval,
        weekday: rule.weekday,
        weekOfMonth: rule.weekOfMonth,
        firstDate: dto.firstDate,
        untilDate: end.untilDate,
        occurrenceCount: end.count,
      });
      const created: MeetingResponse[] = [];
      for (const o of plan.occurrences) {
        const meeting = await this.meetings.create(
          councilId,
          {
            kind: dto.kind,
            title: dto.title,
            ...(dto.bodyId !== undefined ? { bodyId: dto.bodyId } : {}),
            startsAt: o.startsAt.toISOString(),
            endsAt: o.endsAt.toISOString(),
            timeZone: dto.timeZone,
            ...(dto.venue !== undefined ? { venue: dto.venue } : {}),
            ...(dto.onlineUrl !== undefined ? { onlineUrl: dto.onlineUrl } : {}),
          },
          { seriesId, occurrenceDate: o.occurrenceDate },
          em,
        );
        created.push(meeting);
      }
      const row = (await this.series.find(councilId, seriesId, em))!;
      await this.audit.record(em, {
        councilId,
        action: 'meeting_series.created',
        entityType: 'meeting_series',
        entityId: seriesId,
        after: { ...seriesFields(row), meetingIds: created.map((m) => m.id) },
      });
      return seriesResponse(row, created);
    });
  }

  /** One keyset page by first date then id, the occurrences read in the same query (no query per series). */
  async list(councilId: string, query: ListSeriesQuery): Promise<SeriesListResponse> {
    const after = query.cursor === undefined ? null : decodeSeriesCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new InvalidInputException('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
    if (!(await this.meetingRows.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const limit = pageSize(query);
    const found = await this.series.page(councilId, after, limit + 1);
    const rows = found.slice(0, limit);
    const rules = await this.meetingRows.rulesOf(councilId);
    const last = rows[rows.length - 1];
    return {
      items: rows.map(({ occurrences, ...row }) =>
        seriesResponse(
          row,
          occurrences.map((m) => meetingResponse(m, rules)),
        ),
      ),
      nextCursor: found.length > limit && last ? encodeSeriesCursor({ firstDate: last.firstDate, id: last.id }) : null,
    };
  }

  async get(councilId: string, id: string): Promise<SeriesResponse> {
    const row = await this.series.find(councilId, id);
    if (!row) throw new NotFoundException('meeting series', id);
    const rules = await this.meetingRows.rulesOf(councilId);
    return seriesResponse(
      row,
      (await this.meetingRows.list(councilId, { seriesId: id })).map((m) => meetingResponse(m, rules)),
    );
  }

  /**
   * Changes the series and brings its future draft occurrences along, field
   * by field, where they still follow it: the time where the old rule put it
   * (an occurrence moved on its own keeps its time), and a venue, link or
   * title equal to the series' old one. Cancelled, convened or past
   * occurrences are left alone.
   */
  async update(councilId: string, id: string, dto: UpdateSeriesDto, now: Date = new Date()): Promise<SeriesResponse> {
    await this.db.transaction(async (em) => {
      const before = await this.lockActive(em, councilId, id, dto.version);
      const next: SeriesValues = {
        title: dto.title?.trim() ?? before.title,
        startTime: dto.startTime ?? before.startTime,
        durationMinutes: dto.durationMinutes ?? before.durationMinutes,
        timeZone: dto.timeZone ?? before.timeZone,
        venue: dto.venue === undefined ? before.venue : dto.venue,
        onlineUrl: dto.onlineUrl === undefined ? before.onlineUrl : dto.onlineUrl,
      };
      if (!(await this.series.updateVersioned(em, councilId, id, dto.version, next))) throw new StaleVersionException('meeting series', id, dto.version);
      const timeChanged = next.startTime !== before.startTime || next.durationMinutes !== before.durationMinutes || next.timeZone !== before.timeZone;
      const updatedMeetingIds: string[] = [];
      for (const m of await this.meetingRows.list(councilId, { seriesId: id }, em)) {
        if (m.status !== 'draft' || new Date(m.startsAt).getTime() <= now.getTime() || m.occurrenceDate === null) continue;
        const patch: Omit<UpdateMeetingDto, 'version'> = {};
        const followsTime = !differsFromRule(
          { startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), timeZone: m.timeZone },
          timingOf(before),
          m.occurrenceDate,
        );
        if (timeChanged && followsTime) {
          const t = occurrenceTimes(m.occurrenceDate, next.startTime, next.durationMinutes, next.timeZone);
          Object.assign(patch, { startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString(), timeZone: next.timeZone });
        }
        if (next.title !== before.title && m.title === before.title) patch.title = next.title;
        if (next.venue !== before.venue && m.venue === before.venue) patch.venue = next.venue;
        if (next.onlineUrl !== before.onlineUrl && m.onlineUrl === before.onlineUrl) patch.onlineUrl = next.onlineUrl;
        if (Object.keys(patch).length === 0) continue;
        await this.meetings.update(councilId, m.id, { version: m.version, ...patch }, now, em);
        updatedMeetingIds.push(m.id);
      }
      const after = (await this.series.find(councilId, id, em))!;
      await this.audit.record(em, {
        councilId,
        action: 'meeting_series.updated',
        entityType: 'meeting_series',
        entityId: id,
        before: seriesFields(before),
        after: { ...seriesFields(after), updatedMeetingIds },
      });
    });
    return this.get(councilId, id);
  }

  /** Ends the series: its future draft occurrences are cancelled; held, convened and past ones are kept. */
  async end(councilId: string, id: string, dto: SeriesVersionDto, now: Date = new Date()): Promise<SeriesResponse> {
    await this.db.transaction(async (em) => {
      const before = await this.lockActive(em, councilId, id, dto.version);
      if (!(await this.series.markEnded(em, councilId, id, dto.version, now))) throw new StaleVersionException('meeting series', id, dto.version);
      const cancelledMeetingIds: string[] = [];
      for (const m of await this.meetingRows.list(councilId, { seriesId: id, status: 'draft', from: new Date(now.getTime() + 1) }, em)) {
        await this.meetings.transition(councilId, m.id, { to: 'cancelled', version: m.version }, now, em);
        cancelledMeetingIds.push(m.id);
      }
      const after = (await this.series.find(councilId, id, em))!;
      await this.audit.record(em, {
        councilId,
        action: 'meeting_series.ended',
        entityType: 'meeting_series',
        entityId: id,
        before: seriesFields(before),
        after: { ...seriesFields(after), cancelledMeetingIds },
      });
    });
    return this.get(councilId, id);
  }

  private async lockActive(em: Parameters<SeriesRepository['find']>[2], councilId: string, id: string, version: number): Promise<SeriesRow> {
    const row = await this.series.find(councilId, id, em, true);
    if (!row) throw new NotFoundException('meeting series', id);
    if (row.version !== version) throw new StaleVersionException('meeting series', id, version);
    if (row.status === 'ended')
      throw new ConflictException('SERIES_ENDED', 'the series has ended: it can no longer change', { endedAt: row.endedAt ? iso(row.endedAt) : null });
    return row;
  }
}
