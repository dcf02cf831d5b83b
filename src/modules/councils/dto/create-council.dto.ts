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
import { MeetingRulesDto } from './meeting-rules.dto.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateCouncilDto {
  @ApiProperty({ example: 'ncamc', pattern: SLUG_PATTERN.source, maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters, digits and single hyphens' })
  slug: string;

  @ApiProperty({ example: 'North and Central American Council on Migration', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ enum: WORKING_LANGUAGES, isArray: true, example: ['es', 'en', 'fr'], description: 'Non-empty, no repeats' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WORKING_LANGUAGES, { each: true, message: 'each of workingLanguages must be one of es, en, fr, pt' })
  workingLanguages: WorkingLanguage[];

  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 24 })
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(120)
  termMonths?: number;

  @ApiPropertyOptional({ enum: ROTATION_POLICIES, default: 'fixed_order' })
  @Optional()
  @IsIn(ROTATION_POLICIES)
  rotationPolicy?: RotationPolicy;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1,
    default: 0.75,
    description: 'Share of member states needed for quorum (0 < x ≤ 1, 3 decimals)',
  })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001, { message: 'quorumRatio must be greater than 0' })
  @Max(1)
  quorumRatio?: number;

  @ApiProperty({ example: 'America/Mexico_City', description: 'IANA time zone' })
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ type: MeetingRulesDto, description: 'Per meeting kind overrides of the default deadlines' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingRulesDto)
  meetingRules?: MeetingRulesDto;
}
