import { ApiPropertyOptional } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import { MAX_RULE_DAYS } from '../council-defaults.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** Deadlines of one meeting kind; each field left out keeps its default (on create) or current value (on update). */
export class MeetingRuleDaysDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RULE_DAYS, description: 'Days before the meeting the notice must go out' })
  @Optional()
  @IsInt32()
  @Min(0)
  @Max(MAX_RULE_DAYS)
  noticeDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RULE_DAYS, description: 'Days before the meeting the agenda must circulate (at most noticeDays)' })
  @Optional()
  @IsInt32()
  @Min(0)
  @Max(MAX_RULE_DAYS)
  agendaDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RULE_DAYS, description: 'Days before the meeting the papers must circulate' })
  @Optional()
  @IsInt32()
  @Min(0)
  @Max(MAX_RULE_DAYS)
  papersDays?: number;
}
