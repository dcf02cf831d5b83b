import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { MeetingRuleDaysDto } from './meeting-rule-days.dto.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** Overrides of the meeting rules, keyed by meeting kind; kinds left out keep their defaults (or current values). */
export class MeetingRulesDto {
  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  ministerial?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  senior_officials?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  working_group?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  extraordinary?: MeetingRuleDaysDto;
}
