import { ApiProperty } from '@nestjs/swagger';

export class AgendaDocumentResponse {
  @ApiProperty() title: string;
  @ApiProperty() url: string;
}
