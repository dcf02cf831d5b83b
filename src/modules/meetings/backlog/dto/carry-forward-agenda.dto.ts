import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

/** Carry the meeting's open and undecided items to the next meeting; optionally leave some items (dealt with without a decision) where they are. */
export class CarryForwardAgendaDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Items of this agenda to leave where they are (e.g. an information item that was presented)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  exceptItemIds?: string[];
}
