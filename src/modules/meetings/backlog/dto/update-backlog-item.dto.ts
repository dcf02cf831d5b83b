import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { TITLE_DESCRIPTION } from '../../agenda/dto/create-agenda-item.dto.js';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../../agenda/entities/agenda-item.entity.js';

/** Changes to a proposed item; null clears the description. */
export class UpdateBacklogItemDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: TITLE_DESCRIPTION })
  @IsOptional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_PURPOSES }) @IsOptional() @IsIn(AGENDA_ITEM_PURPOSES) purpose?: AgendaItemPurpose;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string | null;
}
