import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, Max, Min } from 'class-validator';
import { MAX_DAYS, MAX_DUE_SOON } from '../action-item-rules.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** A council's action-item offsets, all given (PUT replaces them), with the version read. */
export class ActionItemRulesDto {
  @ApiProperty({ minimum: 1, maximum: MAX_DAYS, example: 7, description: 'Days after creation at which the owner is asked to acknowledge an item still open' })
  @IsInt32()
  @Min(1)
  @Max(MAX_DAYS)
  ackDays: number;

  @ApiProperty({
    type: [Number],
    maxItems: MAX_DUE_SOON,
    example: [14, 3],
    description: 'Days before the due date at which the owner is reminded (09:00 in the council’s time zone); may be empty',
  })
  @IsArray()
  @ArrayMaxSize(MAX_DUE_SOON)
  @ArrayUnique()
  @IsInt32({ each: true })
  @Min(1, { each: true })
  @Max(MAX_DAYS, { each: true })
  dueSoonDays: number[];

  @ApiProperty({
    minimum: 1,
    maximum: MAX_DAYS,
    example: 1,
    description: 'Days after the due date: the owner and the head of delegation are told the item is overdue',
  })
  @IsInt32()
  @Min(1)
  @Max(MAX_DAYS)
  overdueDays: number;

  @ApiProperty({ minimum: 2, maximum: MAX_DAYS, example: 14, description: 'Days after the due date: the body lead and the chair are told (after overdueDays)' })
  @IsInt32()
  @Min(2)
  @Max(MAX_DAYS)
  escalateDays: number;

  @ApiProperty({
    minimum: 3,
    maximum: MAX_DAYS,
    example: 30,
    description: 'Days after the due date: the item goes onto the next senior officials meeting’s agenda (after escalateDays)',
  })
  @IsInt32()
  @Min(3)
  @Max(MAX_DAYS)
  agendaDays: number;

  @ApiProperty({ minimum: 0, example: 0, description: 'The version read (0 while the council uses the defaults)' })
  @IsInt32()
  @Min(0)
  version: number;
}
