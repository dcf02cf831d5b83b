import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class AgendaItemVersionQuery {
  @ApiProperty({ description: 'The version of the item you read' }) @Type(() => Number) @IsInt32() @Min(1) version: number;
}
