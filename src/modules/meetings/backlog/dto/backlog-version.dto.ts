import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class BacklogVersionDto {
  @ApiProperty({ description: 'The version of the item you read' }) @IsInt() @Min(1) version: number;
}
