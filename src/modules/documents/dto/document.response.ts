import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from '../entities/document-version.entity.js';
import {
  DOCUMENT_LANGUAGES,
  DOCUMENT_OWNER_KINDS,
  DOCUMENT_VISIBILITIES,
  type DocumentLanguage,
  type DocumentOwnerKind,
  type DocumentVisibility,
} from '../entities/document.entity.js';
import { DocumentVersionResponse } from './document-version.response.js';

/** A paper in one language, with its current version (the fields of which are repeated at the top level). */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: DOCUMENT_OWNER_KINDS }) ownerKind: DocumentOwnerKind;
  @ApiProperty({ format: 'uuid', description: 'The agenda item (backlog item, minutes, silence procedure) the paper is on' }) ownerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ enum: DOCUMENT_LANGUAGES }) language: DocumentLanguage;
  @ApiProperty() title: string;
  @ApiProperty({
    enum: DOCUMENT_VISIBILITIES,
    description:
      "members: the council's delegates and secretariat; member_states: only member states' delegations (and the secretariat); public: anyone once the meeting's documents are published",
  })
  visibility: DocumentVisibility;
  @ApiProperty({ description: "The meeting's documents are published (public papers readable without signing in)" }) published: boolean;
  @ApiProperty({ description: 'The number of the current version' }) currentVersion: number;
  @ApiProperty({ description: 'Size of the current version, bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the current version, hex' }) sha256: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES }) contentType: DocumentContentType;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: "The current version was uploaded after the meeting's papers deadline" }) late: boolean;
  @ApiProperty({ type: DocumentVersionResponse }) current: DocumentVersionResponse;
  @ApiProperty({ description: 'The document row’s version (for PATCH)' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DocumentListResponse {
  @ApiProperty({ type: [DocumentResponse] }) items: DocumentResponse[];
}

export class DocumentVersionListResponse {
  @ApiProperty({ type: [DocumentVersionResponse], description: 'Newest first' }) items: DocumentVersionResponse[];
}
