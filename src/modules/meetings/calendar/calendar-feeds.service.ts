import { calendarUidDomain } from '../meeting-invitation.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config.js';
import { DomainException, ForbiddenException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { CouncilReferencesRepository } from '../../councils/council-references.repository.js';
import { hashSecretToken, newSecretToken } from '../../identity/secret-token.js';
import { calendarFeed } from './calendar-feed.js';
import { type CalendarFeedRow, CalendarFeedsRepository } from './calendar-feeds.repository.js';
import type { CalendarFeedListResponse, CalendarFeedResponse, CreatedCalendarFeedResponse } from './dto/calendar-feed.response.js';
import type { CreateCalendarFeedDto } from './dto/create-calendar-feed.dto.js';
import { calendarFeedResponse } from './calendar-feeds.responses.js';

/** A feed token as newSecretToken makes it: 43 base64url characters. Anything else cannot be a feed. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What the audit log keeps of a feed (never the token or its hash). */
const audited = (r: CalendarFeedRow) => ({ userId: r.userId, scope: r.scope, bodyId: r.bodyId, hideTitles: r.hideTitles, revokedAt: r.revokedAt });

/**
 * iCalendar subscriptions. Each feed belongs to one user; every query names that user, so someone
 * else's feed is simply not found. The URL's token is shown once and only its SHA-256 is stored.
 *
 * Creating one needs a role in the council (secretariat, or a delegate with an active seat):
 * an unknown council → 404, a council where the caller holds no role → 403 (councils are public,
 * so their existence is no secret), a body not of that council → 404.
 * A feed answers only while it is not revoked and its owner still holds a role in the council.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly db: DataSource,
    private readonly feeds: CalendarFeedsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly council: CouncilReferencesRepository,
  ) {}

  async create(userId: string, dto: CreateCalendarFeedDto): Promise<CreatedCalendarFeedResponse> {
    const { councilExists, holdsRole } = await this.feeds.membership(userId, dto.councilId);
    if (!councilExists) throw new NotFoundException('council', dto.councilId);
    if (!holdsRole) throw new ForbiddenException(null, 'a calendar feed needs a role in this council (secretariat, or a delegate with an active seat)');
    if (dto.bodyId !== undefined && !(await this.council.hasBody(dto.councilId, dto.bodyId))) throw new NotFoundException('body', dto.bodyId);

    const token = newSecretToken();
    const row = await this.db.transaction(async (em) => {
      const created = await this.feeds.insert(em, {
        userId,
        councilId: dto.councilId,
        scope: dto.bodyId !== undefined ? 'body' : 'personal',
        bodyId: dto.bodyId ?? null,
        tokenHash: hashSecretToken(token),
        hideTitles: dto.hideTitles ?? false,
      });
      await this.audit.record(em, {
        councilId: created.councilId,
        action: 'calendar_feed.created',
        entityType: 'calendar_feed',
        entityId: created.id,
        after: audited(created),
      });
      return created;
    });
    return { ...calendarFeedResponse(row), url: `${this.config.publicUrl.replace(/\/+$/, '')}/calendar/${token}.ics` };
  }

  async list(userId: string): Promise<CalendarFeedListResponse> {
    return { items: (await this.feeds.listByUser(userId)).map(calendarFeedResponse) };
  }

  /** Revokes the caller's own feed (again: no change); someone else's is not found. */
  async revoke(userId: string, feedId: string): Promise<CalendarFeedResponse> {
    const row = await this.db.transaction(async (em) => {
      const before = await this.feeds.lockOwn(em, userId, feedId);
      if (!before) throw new NotFoundException('calendar feed', feedId);
      if (before.revokedAt) return before;
      const after = await this.feeds.revoke(em, feedId);
      await this.audit.record(em, {
        councilId: after.councilId,
        action: 'calendar_feed.revoked',
        entityType: 'calendar_feed',
        entityId: after.id,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
    return calendarFeedResponse(row);
  }

  /** The feed's iCalendar text; an unknown, malformed or revoked token is the same 404. */
  async render(token: string): Promise<string> {
    const feed = TOKEN.test(token) ? await this.feeds.findLive(hashSecretToken(token)) : null;
    if (!feed) throw new DomainException('NOT_FOUND', 404, 'no such calendar feed');
    const meetings = await this.feeds.meetingsOf(feed.councilId, feed.bodyId);
    return calendarFeed({
      name: feed.bodyName ? `${feed.councilName} — ${feed.bodyName}` : feed.councilName,
      uidDomain: calendarUidDomain(this.config.publicUrl),
      hideTitles: feed.hideTitles,
      meetings: meetings.map((m) => ({ ...m, startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
    });
  }
}
