import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Min } from 'class-validator';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { DOCUMENT_VISIBILITIES, type DocumentVisibility } from '../entities/document.entity.js';

/** The secretariat changes a paper's visibility (and may correct its title). */
export class UpdateDocumentDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;
  @ApiPropertyOptional({ enum: DOCUMENT_VISIBILITIES }) @Optional() @IsIn(DOCUMENT_VISIBILITIES) visibility?: DocumentVisibility;
  @ApiPropertyOptional({ minLength: 1, maxLength: 300 }) @Optional() @IsString() @Length(1, 300) title?: string;
}
