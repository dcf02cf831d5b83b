import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const DOCUMENT_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;

export class DossierDocumentQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, description: "Language of the headings and texts; defaults to the council's first working language" })
  @IsOptional()
  @IsIn(DOCUMENT_LANGUAGES)
  lang?: (typeof DOCUMENT_LANGUAGES)[number];
}
