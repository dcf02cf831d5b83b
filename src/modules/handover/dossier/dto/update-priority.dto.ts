import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { PRIORITY_STATUSES, type PriorityStatus } from '../entities/presidency-priority.entity.js';

export class UpdatePriorityDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Title per working language (replaces the whole title)' })
  @IsOptional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({ enum: PRIORITY_STATUSES }) @IsOptional() @IsIn(PRIORITY_STATUSES) status?: PriorityStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'null clears the notes' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  notes?: string | null;
}
