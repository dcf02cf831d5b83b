import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { RAGS, type Rag } from '../entities/action-item.entity.js';
import { TEXT_MAX_LENGTH } from './owner-fields.js';

/** A progress report by the owner's delegates (while the item is acknowledged, in progress or blocked). */
export class ReportProgressDto {
  @ApiProperty({ description: 'The version of the item you read (the report moves it on)' }) @IsInt() @Min(1) version: number;

  @ApiProperty({ description: 'What happened' }) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX_LENGTH) text: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Completion in percent (0 to 100)' })
  @IsOptional()
  @IsInt({ message: 'percent must be an integer from 0 to 100' })
  @Min(0, { message: 'percent must be at least 0' })
  @Max(100, { message: 'percent must not be greater than 100' })
  percent?: number;

  @ApiPropertyOptional({ enum: RAGS, description: 'Red, amber or green' }) @IsOptional() @IsIn(RAGS) rag?: Rag;

  @ApiPropertyOptional({ example: 'https://example.org/report.pdf', description: 'A link to a document (http or https)' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'attachmentUrl must be an http(s) link' })
  @MaxLength(2000)
  attachmentUrl?: string;
}
