import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PDF_LANGUAGES, type PdfLanguage } from '../../../../core/pdf/pdf-writer.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class MinutesDocumentQuery {
  @ApiPropertyOptional({
    enum: PDF_LANGUAGES,
    description: 'Language of the headings and texts; defaults to the first working language the minutes were drafted in',
  })
  @Optional()
  @IsIn(PDF_LANGUAGES)
  lang?: PdfLanguage;
}
