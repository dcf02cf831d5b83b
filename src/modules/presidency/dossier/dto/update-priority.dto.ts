import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { PRIORITY_STATUSES, type PriorityStatus } from '../entities/presidency-priority.entity.js';
import { Nullable, Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class UpdatePriorityDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Title per working language (replaces the whole title)' })
  @Optional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({ enum: PRIORITY_STATUSES }) @Optional() @IsIn(PRIORITY_STATUSES) status?: PriorityStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'null clears the notes' })
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'notes must not be blank' })
  @MaxLength(4000)
  notes?: string | null;
}
