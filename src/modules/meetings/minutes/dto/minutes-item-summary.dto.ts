import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsUUID } from 'class-validator';
import { SUMMARY_MAX_LENGTH } from '../minutes-content.js';

/** The summary of one agenda item of the minutes, replaced as a whole. */
export class MinutesItemSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'An agenda item of these minutes' }) @IsUUID('all') agendaItemId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `The summary per working language (replaces the item's summary; leave a language out to have none): each a non-blank text of at most ${SUMMARY_MAX_LENGTH} characters`,
    example: { es: 'Se debatió el plan de trabajo.', en: 'The work plan was discussed.' },
  })
  @IsObject()
  summary: Record<string, string>;
}
