import { ApiProperty } from '@nestjs/swagger';

/** A stored progress report: what it covers, where its document is, and the snapshot it froze. */
export class ProgressReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bodyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agenda item the document was attached to' }) agendaItemId: string | null;
  @ApiProperty({ description: "The document's language: the council's first working language" }) language: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The HTML document (GET …/progress-reports/:id/document)' }) documentUrl: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'council, body, meeting, today, overall roll-up, recommendations roll-up, owners roll-up, unfinished items with status, overdue and latest progress',
  })
  snapshot: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
