import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../../../core/errors/domain.exception.js';
import { PresidencyRepository, type PresidencyTermRow } from '../presidency.repository.js';
import type { ProjectedTerm } from '../rotation.js';
import type { PresidencyCalendarQuery, PresidencyCalendarResponse } from './dto/presidency-calendar.dto.js';
import { calendarAt } from './presidency-calendar.js';
import { presidencyEntryResponse } from '../presidency.responses.js';

/** The public presidency calendar: past, current and next terms with holders and dates, and the troika. */
@Injectable()
export class PresidencyCalendarService {
  constructor(private readonly presidency: PresidencyRepository) {}

  async calendar(councilId: string, q: PresidencyCalendarQuery): Promise<PresidencyCalendarResponse> {
    const council = await this.presidency.findCouncil(councilId);
    if (!council) throw new NotFoundException('council', councilId);
    const at = q.at === undefined ? new Date() : new Date(q.at);
    const [terms, members] = await Promise.all([this.presidency.listByCouncil(councilId), this.presidency.listMemberStates(councilId)]);
    const c = calendarAt({ terms, at, policy: council.rotationPolicy, members, termMonths: council.termMonths, upcoming: q.upcoming ?? 3 });
    const e = (x: PresidencyTermRow | ProjectedTerm | null) => (x === null ? null : presidencyEntryResponse(x, members));
    return {
      at: at.toISOString(),
      rotationPolicy: council.rotationPolicy,
      past: c.past.map((t) => presidencyEntryResponse(t, members)),
      current: e(c.current),
      upcoming: c.upcoming.map((t) => presidencyEntryResponse(t, members)),
      troika: { at: at.toISOString(), previous: e(c.troika.previous), current: e(c.troika.current), next: e(c.troika.next) },
    };
  }
}
