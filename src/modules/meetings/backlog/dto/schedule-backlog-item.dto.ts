import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Max, Min } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** Put a proposed item on the agenda of a meeting of the same body. */
export class ScheduleBacklogItemDto {
  @ApiProperty({ description: 'The version of the item you read' }) @IsInt32() @Min(1) version: number;

  @ApiProperty({ format: 'uuid', description: 'A meeting of the same body whose agenda can still take items' }) @IsUUID('all') meetingId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 }) @Optional() @IsInt32() @Min(1) @Max(1440) minutesAllotted?: number;
}
