import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsUUID, Min } from 'class-validator';

/** The new order of the agenda: every item of the meeting (withdrawn ones included) exactly once. */
export class ReorderAgendaDto {
  @ApiProperty({ description: 'The version of the agenda you read' }) @IsInt() @Min(1) version: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Every item id of the agenda, exactly once, in the new order' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  itemIds: string[];
}
