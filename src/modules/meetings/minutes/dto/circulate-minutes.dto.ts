import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, Min } from 'class-validator';
import { DEFAULT_COMMENT_DAYS } from '../minutes-rules.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class CirculateMinutesDto {
  @ApiProperty({ description: 'The version of the minutes you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: `Until when delegations may comment; must be in the future. Default: ${DEFAULT_COMMENT_DAYS} days (× 24 hours) after circulation`,
  })
  @Optional()
  @IsISO8601({ strict: true })
  commentDeadline?: string;
}
