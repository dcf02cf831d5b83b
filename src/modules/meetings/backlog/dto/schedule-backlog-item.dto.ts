import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Put a proposed item on the agenda of a meeting of the same body. */
export class ScheduleBacklogItemDto {
  @ApiProperty({ description: 'The version of the item you read' }) @IsInt() @Min(1) version: number;

  @ApiProperty({ format: 'uuid', description: 'A meeting of the same body whose agenda can still take items' }) @IsUUID('all') meetingId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 }) @IsOptional() @IsInt() @Min(1) @Max(1440) minutesAllotted?: number;
}
