import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class SeriesVersionDto {
  @ApiProperty({ description: 'The version of the series you read' }) @IsInt() @Min(1) version: number;
}
