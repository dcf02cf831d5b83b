import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class ApproveMinutesDto {
  @ApiProperty({ description: 'The version of the minutes you read' }) @IsInt() @Min(1) version: number;
}
