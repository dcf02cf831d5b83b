import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose, SETTABLE_AGENDA_ITEM_STATUSES } from '../entities/agenda-item.entity.js';
import { AgendaDocumentDto } from './agenda-document.dto.js';
import { TITLE_DESCRIPTION } from './create-agenda-item.dto.js';
import { Nullable, Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

/** Changes to an agenda item; null clears an optional field. Withdrawing (status 'withdrawn') is how an item leaves a circulated agenda. */
export class UpdateAgendaItemDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: TITLE_DESCRIPTION })
  @Optional()
  @IsObject()
  title?: Record<string, string>;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_PURPOSES }) @Optional() @IsIn(AGENDA_ITEM_PURPOSES) purpose?: AgendaItemPurpose;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all')
  presenterParticipantId?: string | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 1440, nullable: true })
  @Nullable()
  @IsInt32()
  @Min(1)
  @Max(1440)
  minutesAllotted?: number | null;

  @ApiPropertyOptional() @Optional() @IsBoolean() concernsPermanentParticipants?: boolean;

  @ApiPropertyOptional({ type: [AgendaDocumentDto], maxItems: 50 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgendaDocumentDto)
  documents?: AgendaDocumentDto[];

  @ApiPropertyOptional({
    enum: SETTABLE_AGENDA_ITEM_STATUSES,
    description: "'withdrawn' takes the item off the agenda (kept in the record); 'scheduled' puts it back",
  })
  @Optional()
  @IsIn(SETTABLE_AGENDA_ITEM_STATUSES)
  status?: (typeof SETTABLE_AGENDA_ITEM_STATUSES)[number];
}
