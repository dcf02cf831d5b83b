import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, Min, ValidateNested } from 'class-validator';
import { NOTES_MAX_LENGTH } from '../minutes-content.js';
import { MinutesItemSummaryDto } from './minutes-item-summary.dto.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** Edits to draft or circulated minutes: the notes, and the summaries of items. The record of the meeting itself is not editable. */
export class UpdateMinutesDto {
  @ApiProperty({ description: 'The version of the minutes you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Replaces the notes: per working language, each a non-blank text of at most ${NOTES_MAX_LENGTH} characters ({} removes them)`,
  })
  @Optional()
  @IsObject()
  notes?: Record<string, string>;

  @ApiPropertyOptional({ type: [MinutesItemSummaryDto], maxItems: 200, description: 'Summaries to replace, by agenda item (each item at most once)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MinutesItemSummaryDto)
  items?: MinutesItemSummaryDto[];
}
