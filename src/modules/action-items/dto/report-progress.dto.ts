import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { RAGS, type Rag } from '../entities/action-item.entity.js';
import { TEXT_MAX_LENGTH } from './owner-fields.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** A progress report by the owner's delegates (while the item is acknowledged, in progress or blocked). */
export class ReportProgressDto {
  @ApiProperty({ description: 'The version of the item you read (the report moves it on)' }) @IsInt32() @Min(1) version: number;

  @ApiProperty({ description: 'What happened' }) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX_LENGTH) text: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Completion in percent (0 to 100)' })
  @Optional()
  @IsInt32({ message: 'percent must be an integer from 0 to 100' })
  @Min(0, { message: 'percent must be at least 0' })
  @Max(100, { message: 'percent must not be greater than 100' })
  percent?: number;

  @ApiPropertyOptional({ enum: RAGS, description: 'Red, amber or green' }) @Optional() @IsIn(RAGS) rag?: Rag;

  @ApiPropertyOptional({ example: 'https://example.org/report.pdf', description: 'A link to a document (http or https)' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'attachmentUrl must be an http(s) link' })
  @MaxLength(2000)
  attachmentUrl?: string;
}
