import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export const DOCUMENT_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;

export class DossierDocumentQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, description: "Language of the headings and texts; defaults to the council's first working language" })
  @Optional()
  @IsIn(DOCUMENT_LANGUAGES)
  lang?: (typeof DOCUMENT_LANGUAGES)[number];
}
