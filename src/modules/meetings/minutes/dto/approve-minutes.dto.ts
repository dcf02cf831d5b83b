import { ApiProperty } from '@nestjs/swagger';
import { Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class ApproveMinutesDto {
  @ApiProperty({ description: 'The version of the minutes you read' }) @IsInt32() @Min(1) version: number;
}
