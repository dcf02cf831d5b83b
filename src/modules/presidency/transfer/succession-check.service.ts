import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '../../../core/outbox/outbox.service.js';
import { alertDue, alertPeriod } from '../succession/succession.js';
import { SuccessionRepository } from '../succession/succession.repository.js';
import { SuccessionService } from '../succession/succession.service.js';
import { PRESIDENCY_NO_SUCCESSOR } from './presidency-notices.js';
import { alertReason } from './term-succession.service.js';

/**
 * No successor known when one must be (from the designation deadline on — for fixed order, when rotation
 * yields nobody): the secretariat and every member state's head of delegation are alerted, once per term
 * and month (presidency_succession_alerts' key), in the same transaction as the alert's record. Nobody is
 * ever picked: the alert asks the council to decide.
 */
@Injectable()
export class SuccessionCheck {
  constructor(
    private readonly db: DataSource,
    private readonly terms: SuccessionRepository,
    private readonly succession: SuccessionService,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns how many alerts went out. */
  async run(now: Date = new Date()): Promise<number> {
    let sent = 0;
    for (const { councilId, termId } of await this.terms.councilsToCheck(this.db.manager)) {
      const alerted = await this.db.transaction(async (em) => {
        const council = await this.terms.council(em, councilId);
        const term = council && (await this.terms.term(em, councilId, termId));
        if (!council || !term || !alertDue(now, term, council.leadMonths)) return false;
        const s = await this.succession.evaluate(em, council, term);
        if (s.found) return false;
        const period = alertPeriod(now);
        if (!(await this.terms.recordAlert(em, councilId, termId, period, alertReason(s.reason)))) return false;
        await this.outbox.notify(em, { councilId, kind: PRESIDENCY_NO_SUCCESSOR, subjectType: 'presidency_term', subjectId: termId, occurrence: period });
        return true;
      });
      if (alerted) sent++;
    }
    return sent;
  }
}
