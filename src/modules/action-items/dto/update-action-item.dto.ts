import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsNumber, IsObject, IsPositive, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PRIORITIES, type Priority } from '../entities/action-item.entity.js';
import { TARGET_MAX } from './owner-fields.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** Edits what an item says (owner and due date change by reassignment; status by transitions). */
export class UpdateActionItemDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Title per working language (replaces the whole title)' })
  @Optional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Description per working language; null clears it',
  })
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsObject()
  description?: Record<string, string> | null;

  @ApiPropertyOptional({ enum: PRIORITIES }) @Optional() @IsIn(PRIORITIES) priority?: Priority;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Target value; null clears the target (with targetUnit)' })
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @IsPositive()
  @Max(TARGET_MAX)
  targetValue?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Target unit; null with targetValue null' })
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  targetUnit?: string | null;
}
