import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../entities/agenda-item.entity.js';
import { AgendaDocumentDto } from './agenda-document.dto.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export const TITLE_DESCRIPTION =
  'The title per working language of the council, e.g. { "es": "…", "en": "…" }: at least one, only the council\'s working languages, each a non-blank text of at most 300 characters';

/** A new item at the end of the agenda. */
export class CreateAgendaItemDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: TITLE_DESCRIPTION,
    example: { es: 'Movilidad laboral', en: 'Labour mobility' },
  })
  @IsObject()
  title: Record<string, string>;

  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) @IsIn(AGENDA_ITEM_PURPOSES) purpose: AgendaItemPurpose;

  @ApiPropertyOptional({ format: 'uuid', description: 'A participant of the council presenting the item' })
  @Optional()
  @IsUUID('all')
  presenterParticipantId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440 }) @Optional() @IsInt32() @Min(1) @Max(1440) minutesAllotted?: number;

  @ApiPropertyOptional({ default: false, description: 'The item concerns the permanent participants (they are consulted on it)' })
  @Optional()
  @IsBoolean()
  concernsPermanentParticipants?: boolean;

  @ApiPropertyOptional({ type: [AgendaDocumentDto], maxItems: 50 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgendaDocumentDto)
  documents?: AgendaDocumentDto[];

  @ApiPropertyOptional({
    default: false,
    description: 'Only the chair, and only needed after the supplementary deadline: the chair accepts the late item onto the agenda',
  })
  @Optional()
  @IsBoolean()
  acceptedByChair?: boolean;
}
