import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_LANGUAGES } from '../entities/document.entity.js';

/** The multipart/form-data body of an upload (documentation only: the parts are read as a stream). */
export class UploadDocumentBody {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, docx, xlsx, pptx, odt, PNG, JPEG, GIF or WebP — decided by the bytes; anything else → 415 naming file',
  })
  file: unknown;
  @ApiProperty({ enum: DOCUMENT_LANGUAGES, description: "One of the council's working languages" }) language: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'Required for the first upload in a language; a later one may change it' }) title?: string;
}
