import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROTATION_POLICIES, type RotationPolicy, WORKING_LANGUAGES, type WorkingLanguage } from '../entities/council.entity.js';
import { IsIanaTimeZone } from '../is-iana-time-zone.decorator.js';
import { SLUG_PATTERN } from './create-council.dto.js';
import { MeetingRulesDto } from './meeting-rules.dto.js';

/** Any subset of a council's settings, with the version the client read. */
export class UpdateCouncilDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, maxLength: 64 })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: WORKING_LANGUAGES, isArray: true })
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WORKING_LANGUAGES, { each: true, message: 'each of workingLanguages must be one of es, en, fr, pt' })
  workingLanguages?: WorkingLanguage[];

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @ValidateIf((_o, v) => v !== undefined)
  @IsInt()
  @Min(1)
  @Max(120)
  termMonths?: number;

  @ApiPropertyOptional({ enum: ROTATION_POLICIES })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(ROTATION_POLICIES)
  rotationPolicy?: RotationPolicy;

  @ApiPropertyOptional({ minimum: 0, exclusiveMinimum: true, maximum: 1 })
  @ValidateIf((_o, v) => v !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001, { message: 'quorumRatio must be greater than 0' })
  @Max(1)
  quorumRatio?: number;

  @ApiPropertyOptional({ example: 'America/Panama', description: 'IANA time zone' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: MeetingRulesDto, description: 'Per meeting kind, per field: only the values given change' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRulesDto)
  meetingRules?: MeetingRulesDto;
}
