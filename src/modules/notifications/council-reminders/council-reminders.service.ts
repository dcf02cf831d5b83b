import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { COUNCIL_REMINDER_KIND } from './council-reminder.kind.js';
import { type CouncilReminderRow, CouncilRemindersRepository, type ReminderAudience } from './council-reminders.repository.js';
import type { CouncilReminderListResponse, CouncilReminderResponse, CreateCouncilReminderDto, UpdateCouncilReminderDto } from './dto/council-reminder.dto.js';
import { councilReminderResponse } from './council-reminders.responses.js';

const reminderKey = (id: string) => `council-reminder-${id}`;

/**
 * Reminders the secretariat schedules for delegations. Each is a scheduled
 * outbox row under a stable key, written in the same transaction: moving the
 * reminder moves its notification, cancelling it removes it.
 */
@Injectable()
export class CouncilRemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly reminders: CouncilRemindersRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async create(councilId: string, dto: CreateCouncilReminderDto, createdBy: string | null): Promise<CouncilReminderResponse> {
    const sendAt = this.futureInstant(dto.sendAt);
    const audience = { roles: dto.audience.roles ?? [], delegationIds: dto.audience.delegationIds ?? [] };
    return this.db.transaction(async (em) => {
      const council = (await em.query(`SELECT 1 FROM councils WHERE id = $1`, [councilId])) as unknown[];
      if (council.length === 0) throw new NotFoundException('council', councilId);
      await this.checkDelegations(em, councilId, audience.delegationIds);
      const id = await this.reminders.insert(em, { councilId, title: dto.title.trim(), message: dto.message, sendAt, audience, createdBy });
      await this.outbox.schedule(em, reminderKey(id), sendAt, { councilId, kind: COUNCIL_REMINDER_KIND, subjectType: 'council_reminder', subjectId: id });
      const created = councilReminderResponse((await this.reminders.find(councilId, id, em))!);
      await this.audit.record(em, { councilId, action: 'council_reminder.created', entityType: 'council_reminder', entityId: id, after: created });
      return created;
    });
  }

  async list(councilId: string): Promise<CouncilReminderListResponse> {
    return { items: (await this.reminders.list(councilId)).map(councilReminderResponse) };
  }

  async get(councilId: string, id: string): Promise<CouncilReminderResponse> {
    const row = await this.reminders.find(councilId, id);
    if (!row) throw new NotFoundException('reminder', id);
    return councilReminderResponse(row);
  }

  /** Edits or moves a scheduled reminder (its notification moves with it). */
  async update(councilId: string, id: string, dto: UpdateCouncilReminderDto): Promise<CouncilReminderResponse> {
    return this.change(councilId, id, dto.version, (current) => ({
      title: dto.title?.trim() ?? current.title,
      message: dto.message ?? current.message,
      sendAt: dto.sendAt !== undefined ? this.futureInstant(dto.sendAt) : new Date(current.sendAt),
      audience: dto.audience ? { roles: dto.audience.roles ?? [], delegationIds: dto.audience.delegationIds ?? [] } : current.audience,
      status: 'scheduled',
    }));
  }

  async cancel(councilId: string, id: string, version: number): Promise<CouncilReminderResponse> {
    return this.change(councilId, id, version, (current) => ({ ...current, sendAt: new Date(current.sendAt), status: 'cancelled' }));
  }

  private async change(
    councilId: string,
    id: string,
    version: number,
    next: (current: CouncilReminderRow) => { title: string; message: string; sendAt: Date; audience: ReminderAudience; status: 'scheduled' | 'cancelled' },
  ): Promise<CouncilReminderResponse> {
    return this.db.transaction(async (em) => {
      // The outbox row first, then the reminder: the order the dispatch takes them in, so the two never deadlock.
      await this.outbox.lock(em, reminderKey(id));
      const current = await this.reminders.find(councilId, id, em, true);
      if (!current) throw new NotFoundException('reminder', id);
      if (current.version !== version) throw new StaleVersionException('reminder', id, version);
      if (current.status !== 'scheduled') {
        throw new ConflictException('REMINDER_NOT_SCHEDULED', `this reminder is ${current.status}; only a scheduled reminder can change`, {
          status: current.status,
        });
      }
      const values = next(current);
      if (values.audience !== current.audience) await this.checkDelegations(em, councilId, values.audience.delegationIds);
      if (!(await this.reminders.updateVersioned(em, councilId, id, version, values))) throw new StaleVersionException('reminder', id, version);
      if (values.status === 'cancelled') await this.outbox.cancel(em, reminderKey(id));
      else
        await this.outbox.schedule(em, reminderKey(id), values.sendAt, {
          councilId,
          kind: COUNCIL_REMINDER_KIND,
          subjectType: 'council_reminder',
          subjectId: id,
        });
      const after = councilReminderResponse((await this.reminders.find(councilId, id, em))!);
      await this.audit.record(em, {
        councilId,
        action: values.status === 'cancelled' ? 'council_reminder.cancelled' : 'council_reminder.updated',
        entityType: 'council_reminder',
        entityId: id,
        before: councilReminderResponse(current),
        after,
      });
      return after;
    });
  }

  /** The audience names delegations of this council only: another council's (or any other row's) id is not found here. */
  private async checkDelegations(em: EntityManager, councilId: string, delegationIds: string[]): Promise<void> {
    const [unknown] = await this.reminders.notDelegationsOf(em, councilId, delegationIds);
    if (unknown) throw new NotFoundException('delegation', unknown);
  }

  private futureInstant(value: string): Date {
    if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) throw new InvalidInputException('sendAt', 'with_zone', 'sendAt must end in Z or an offset');
    const at = new Date(value);
    if (at.getTime() < Date.now() - 60_000) throw new InvalidInputException('sendAt', 'not_past', 'sendAt must not be in the past');
    return at;
  }
}
