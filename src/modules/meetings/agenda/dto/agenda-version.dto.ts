import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** A change of the agenda's status, made against the version the client read. */
export class AgendaVersionDto {
  @ApiProperty({ description: 'The version of the agenda you read' }) @IsInt() @Min(1) version: number;
}
