import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { TITLE_DESCRIPTION } from '../../agenda/dto/create-agenda-item.dto.js';
import { AGENDA_ITEM_PURPOSES, type AgendaItemPurpose } from '../../agenda/entities/agenda-item.entity.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

/** An item proposed for a future meeting of the body. */
export class CreateBacklogItemDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: TITLE_DESCRIPTION,
    example: { es: 'Movilidad laboral', en: 'Labour mobility' },
  })
  @IsObject()
  title: Record<string, string>;

  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) @IsIn(AGENDA_ITEM_PURPOSES) purpose: AgendaItemPurpose;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Why the item should be discussed, what is expected' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;
}
