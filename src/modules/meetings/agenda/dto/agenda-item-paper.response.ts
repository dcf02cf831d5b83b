import { ApiProperty } from '@nestjs/swagger';

/** A paper of an agenda item in one language, with its current version. */
export class AgendaItemPaperResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ enum: ['es', 'en', 'fr', 'pt'] }) language: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['members', 'member_states', 'public'] }) visibility: string;
  @ApiProperty({ description: 'The number of the current version' }) currentVersion: number;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256, hex' }) sha256: string;
  @ApiProperty({ description: "The current version came after the meeting's papers deadline" }) late: boolean;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}
