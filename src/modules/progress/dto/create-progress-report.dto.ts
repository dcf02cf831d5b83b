import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** What the report covers (the council, or one body's items) and the meeting it is for; agendaItemId attaches it to that meeting's agenda. */
export class CreateProgressReportDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this body's items (default: the whole council)" })
  @IsOptional()
  @IsUUID('all')
  bodyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The meeting the report is produced for' })
  @IsOptional()
  @IsUUID('all')
  meetingId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An item of that meeting's agenda (not adopted yet) to attach the report's document to, as {title, url}; requires meetingId",
  })
  @IsOptional()
  @IsUUID('all')
  agendaItemId?: string;
}
