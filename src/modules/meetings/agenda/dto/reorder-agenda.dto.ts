import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID, Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** The new order of the agenda: every item of the meeting (withdrawn ones included) exactly once. */
export class ReorderAgendaDto {
  @ApiProperty({ description: 'The version of the agenda you read' }) @IsInt32() @Min(1) version: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Every item id of the agenda, exactly once, in the new order' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  itemIds: string[];
}
