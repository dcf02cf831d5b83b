import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class AgendaItemVersionQuery {
  @ApiProperty({ description: 'The version of the item you read' }) @Type(() => Number) @IsInt() @Min(1) version: number;
}
