import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** Carry an item not dealt with onto the agenda of a later meeting of the council. */
export class CarryForwardAgendaItemDto {
  @ApiProperty({ description: 'The version of the item you read' }) @IsInt32() @Min(1) version: number;

  @ApiProperty({ format: 'uuid', description: 'A later meeting of the same council whose agenda can still change' }) @IsUUID('all') toMeetingId: string;
}
