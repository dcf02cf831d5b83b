import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { NOTES_MAX_LENGTH } from '../minutes-content.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

/** Drafting the minutes of a closed meeting: the content comes from the meeting; opening notes may be given. */
export class CreateMinutesDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Notes per working language, e.g. { "es": "…", "en": "…" }: only the council's working languages, each a non-blank text of at most ${NOTES_MAX_LENGTH} characters`,
    example: { es: 'La reunión se abrió a las 9:00.', en: 'The meeting opened at 9:00.' },
  })
  @Optional()
  @IsObject()
  notes?: Record<string, string>;
}
