import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ROTATION_POLICIES, type RotationPolicy, WORKING_LANGUAGES, type WorkingLanguage } from '../entities/council.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { SLUG_PATTERN } from './create-council.dto.js';
import { MeetingRulesDto } from './meeting-rules.dto.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** Any subset of a council's settings, with the version the client read. */
export class UpdateCouncilDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, maxLength: 64 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: WORKING_LANGUAGES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WORKING_LANGUAGES, { each: true, message: 'each of workingLanguages must be one of es, en, fr, pt' })
  workingLanguages?: WorkingLanguage[];

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(120)
  termMonths?: number;

  @ApiPropertyOptional({ enum: ROTATION_POLICIES })
  @Optional()
  @IsIn(ROTATION_POLICIES)
  rotationPolicy?: RotationPolicy;

  @ApiPropertyOptional({ minimum: 0, exclusiveMinimum: true, maximum: 1 })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001, { message: 'quorumRatio must be greater than 0' })
  @Max(1)
  quorumRatio?: number;

  @ApiPropertyOptional({ example: 'America/Panama', description: 'IANA time zone' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: MeetingRulesDto, description: 'Per meeting kind, per field: only the values given change' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRulesDto)
  meetingRules?: MeetingRulesDto;
}
