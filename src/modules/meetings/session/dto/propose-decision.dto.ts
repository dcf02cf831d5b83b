import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export const DECISION_TEXT_MAX_LENGTH = 4000;

/** A decision proposed on an agenda item: its text per working language, like agenda titles. */
export class ProposeDecisionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `The decision's text per working language of the council, e.g. { "es": "…", "en": "…" }: at least one, only working languages, each a non-blank text of at most ${DECISION_TEXT_MAX_LENGTH} characters`,
    example: { es: 'Se aprueba el plan de trabajo', en: 'The work plan is approved' },
  })
  @IsObject()
  text: Record<string, string>;
}
