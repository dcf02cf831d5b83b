import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException, StaleVersionException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import { type ActionItemRules, normalisedDueSoon, rulesProblem } from './action-item-rules.js';
import { REMINDER_HOUR } from './action-item-reminders.js';
import { ActionItemRemindersRepository, type RulesRow } from './action-item-reminders.repository.js';
import { ActionItemRemindersScheduler } from './action-item-reminders.scheduler.js';
import type { ActionItemRulesDto } from './dto/action-item-rules.dto.js';
import type { ActionItemRulesResponse } from './dto/action-item-rules.response.js';

const response = (councilId: string, r: RulesRow): ActionItemRulesResponse => ({
  councilId,
  ackDays: r.ackDays,
  dueSoonDays: normalisedDueSoon(r.dueSoonDays),
  overdueDays: r.overdueDays,
  escalateDays: r.escalateDays,
  agendaDays: r.agendaDays,
  reminderHour: REMINDER_HOUR,
  defaults: r.version === 0,
  version: r.version,
  updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
});

/** A council's action-item reminder and escalation offsets; a change re-plans the reminders of every item still open. */
@Injectable()
export class ActionItemRulesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ActionItemRemindersRepository,
    private readonly scheduler: ActionItemRemindersScheduler,
    private readonly audit: AuditService,
  ) {}

  async get(councilId: string): Promise<ActionItemRulesResponse> {
    if (!(await this.repo.councilExists(councilId))) throw new NotFoundException('council', councilId);
    return response(councilId, await this.repo.rules(councilId));
  }

  async put(councilId: string, dto: ActionItemRulesDto): Promise<ActionItemRulesResponse> {
    const rules: ActionItemRules = {
      ackDays: dto.ackDays,
      dueSoonDays: normalisedDueSoon(dto.dueSoonDays),
      overdueDays: dto.overdueDays,
      escalateDays: dto.escalateDays,
      agendaDays: dto.agendaDays,
    };
    const problem = rulesProblem(rules);
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
    return this.db.transaction(async (em) => {
      if (!(await this.repo.councilExists(councilId, em))) throw new NotFoundException('council', councilId);
      const before = await this.repo.rules(councilId, em);
      if (!(await this.repo.saveRules(em, councilId, dto.version, rules))) throw new StaleVersionException('action item rules', councilId, dto.version);
      const after = response(councilId, await this.repo.rules(councilId, em));
      const replanned = await this.scheduler.planCouncil(em, councilId, rules);
      await this.audit.record(em, {
        councilId,
        action: 'council.action_item_rules_updated',
        entityType: 'council',
        entityId: councilId,
        before: response(councilId, before),
        after: { ...after, replanned },
      });
      return after;
    });
  }
}
