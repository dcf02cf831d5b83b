import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundException } from '../../../core/errors/domain.exception.js';
import { RecipientsRepository } from '../recipients.repository.js';
import { ScheduledNotificationListResponse } from './dto/scheduled-notification.response.js';
import { type AudienceCode, COUNTABLE_AUDIENCES, describeKind } from './scheduled-notification-kinds.js';
import { ScheduledNotificationsRepository, type SubjectRoute } from './scheduled-notifications.repository.js';
import { scheduledNotificationResponse } from './scheduled-notifications.responses.js';

/** The outbox's subject types listed under each route: a meeting's minutes are the meeting's too (same id). */
const SUBJECT_TYPES: Record<SubjectRoute, string[]> = {
  meeting: ['meeting', 'meeting_minutes'],
  action_item: ['action_item'],
  presidency_term: ['presidency_term'],
};

const ENTITY: Record<SubjectRoute, string> = { meeting: 'meeting', action_item: 'action item', presidency_term: 'presidency term' };

/**
 * What the system will send (and has sent) about a meeting, an action item or a presidency term: read from the
 * outbox, where every planned reminder and every notice lives under its subject, and from the delivery ledger.
 * Read-only; the kinds that send are the worker's and are not called here.
 */
@Injectable()
export class ScheduledNotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ScheduledNotificationsRepository,
    private readonly recipients: RecipientsRepository,
  ) {}

  async list(route: SubjectRoute, councilId: string, subjectId: string): Promise<ScheduledNotificationListResponse> {
    const timeZone = await this.repo.subjectZone(route, councilId, subjectId);
    if (timeZone === undefined) throw new NotFoundException(ENTITY[route], subjectId);
    const rows = await this.repo.ofSubject(councilId, SUBJECT_TYPES[route], subjectId);
    const described = rows.map((row) => ({ row, ...describeKind(row.kind, row.occurrence) }));
    const counts = await this.countAudiences(
      councilId,
      described.filter((d) => d.row.status === 'pending' || d.row.status === 'enqueued').map((d) => d.audience),
    );

    const list = new ScheduledNotificationListResponse();
    list.subjectType = route;
    list.subjectId = subjectId;
    list.timeZone = timeZone;
    list.items = described.map(({ row, step, label, audience }) => scheduledNotificationResponse(row, step, label, audience, timeZone, counts));
    return list;
  }

  /** The people of each fixed audience now (one query for all), as the kinds would find them. */
  private async countAudiences(councilId: string, audiences: AudienceCode[]): Promise<Map<AudienceCode, number>> {
    const wanted = [...new Set(audiences)].filter((a) => COUNTABLE_AUDIENCES[a]);
    if (wanted.length === 0) return new Map();
    const found = await this.recipients.forAudiences(
      this.db.manager,
      wanted.map((a) => ({ key: a, councilId, audience: { roles: COUNTABLE_AUDIENCES[a]!.roles, delegationIds: [] } })),
    );
    return new Map(wanted.map((a) => [a, new Set((found.get(a) ?? []).map((r) => r.userId)).size]));
  }
}
