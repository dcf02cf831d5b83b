import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** What the report covers (the council, or one body's items) and the meeting it is for; agendaItemId attaches it to that meeting's agenda. */
export class CreateProgressReportDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this body's items (default: the whole council)" })
  @Optional()
  @IsUUID('all')
  bodyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The meeting the report is produced for' })
  @Optional()
  @IsUUID('all')
  meetingId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "An item of that meeting's agenda (not adopted yet) to attach the report's document to, as {title, url}; requires meetingId",
  })
  @Optional()
  @IsUUID('all')
  agendaItemId?: string;
}
