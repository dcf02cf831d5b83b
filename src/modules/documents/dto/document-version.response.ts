import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from '../entities/document-version.entity.js';

/** One upload of a document. */
export class DocumentVersionResponse {
  @ApiProperty({ description: '1, 2, … per document' }) number: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: 'Decided by the bytes, not the name or the declared type' }) contentType: DocumentContentType;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex (the download’s ETag)' }) sha256: string;
  @ApiProperty({ description: "Uploaded after the meeting's papers deadline" }) late: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The delegation the uploader acted for (null: the secretariat)' })
  uploadedByDelegationId: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}
