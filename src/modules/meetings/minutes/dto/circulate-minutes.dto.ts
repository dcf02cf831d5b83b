import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { DEFAULT_COMMENT_DAYS } from '../minutes-rules.js';

export class CirculateMinutesDto {
  @ApiProperty({ description: 'The version of the minutes you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: `Until when delegations may comment; must be in the future. Default: ${DEFAULT_COMMENT_DAYS} days (× 24 hours) after circulation`,
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  commentDeadline?: string;
}
