import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength, Min } from 'class-validator';
import { TITLE_DESCRIPTION } from '../../agenda/dto/create-agenda-item.dto.js';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../../agenda/entities/agenda-item.entity.js';
import { Nullable, Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** Changes to a proposed item; null clears the description. */
export class UpdateBacklogItemDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: TITLE_DESCRIPTION })
  @Optional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_PURPOSES }) @Optional() @IsIn(AGENDA_ITEM_PURPOSES) purpose?: AgendaItemPurpose;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true })
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string | null;
}
