import { Injectable } from '@nestjs/common';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { isSupportedTimeZone } from '../../core/time-zones/time-zone.js';
import type { WorkingHoursQuery } from './dto/working-hours.query.js';
import type { WorkingHoursResponse } from './dto/working-hours.response.js';
import { MeetingsRepository } from './meetings.repository.js';
import { localTimes, WORKING_DAY_END_HOUR, WORKING_DAY_START_HOUR } from './working-hours.js';

/** Longest interval the check accepts (a meeting, not a season). */
export const MAX_WORKING_HOURS_SPAN_DAYS = 14;

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** A proposed meeting time, seen from each active member state's capital. */
@Injectable()
export class MeetingWorkingHoursService {
  constructor(private readonly meetings: MeetingsRepository) {}

  async check(councilId: string, q: WorkingHoursQuery): Promise<WorkingHoursResponse> {
    const start = new Date(q.start);
    const end = new Date(q.end);
    if (end.getTime() <= start.getTime())
      throw new InvalidInputException('end', 'after_start', `end (${end.toISOString()}) must be after start (${start.toISOString()})`);
    if (end.getTime() - start.getTime() > MAX_WORKING_HOURS_SPAN_DAYS * 86_400_000) {
      throw new InvalidInputException('end', 'max_span', `end must be at most ${MAX_WORKING_HOURS_SPAN_DAYS} days after start`);
    }
    if (!(await this.meetings.councilExists(councilId))) throw new NotFoundException('council', councilId);
    const states = await this.meetings.activeMemberStates(councilId);
    return {
      start: start.toISOString(),
      end: end.toISOString(),
      workingHours: `${hh(WORKING_DAY_START_HOUR)}–${hh(WORKING_DAY_END_HOUR)}`,
      items: states.map((p) => {
        const zone = p.timeZone !== null && isSupportedTimeZone(p.timeZone) ? p.timeZone : null;
        const local = zone ? localTimes(start, end, zone) : null;
        return {
          participantId: p.id,
          name: p.name,
          isoCode: p.isoCode,
          timeZone: zone,
          localStart: local?.localStart ?? null,
          localEnd: local?.localEnd ?? null,
          outsideWorkingHours: local?.outsideWorkingHours ?? null,
        };
      }),
    };
  }
}
