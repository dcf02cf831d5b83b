import { ApiProperty } from '@nestjs/swagger';
import { Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** A change of the agenda's status, made against the version the client read. */
export class AgendaVersionDto {
  @ApiProperty({ description: 'The version of the agenda you read' }) @IsInt32() @Min(1) version: number;
}
