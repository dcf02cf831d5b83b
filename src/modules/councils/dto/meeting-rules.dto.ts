import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { MeetingRuleDaysDto } from './meeting-rule-days.dto.js';

/** Overrides of the meeting rules, keyed by meeting kind; kinds left out keep their defaults (or current values). */
export class MeetingRulesDto {
  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  ministerial?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  senior_officials?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  working_group?: MeetingRuleDaysDto;

  @ApiPropertyOptional({ type: MeetingRuleDaysDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRuleDaysDto)
  extraordinary?: MeetingRuleDaysDto;
}
