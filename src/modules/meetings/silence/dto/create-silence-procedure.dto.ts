import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsUUID, Matches } from 'class-validator';
import { INSTANT_WITH_ZONE, INSTANT_WITH_ZONE_MESSAGE } from '../../../presidency/dto/instant.js';
import { DECISION_TEXT_MAX_LENGTH } from '../../session/dto/propose-decision.dto.js';
import { SILENCE_MAX_NOTICE_DAYS } from '../silence-rules.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

/** A decision circulated in writing: adopted at the deadline unless a member state breaks silence. */
export class CreateSilenceProcedureDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `The decision's text per working language of the council: at least one, only working languages, each a non-blank text of at most ${DECISION_TEXT_MAX_LENGTH} characters`,
    example: { es: 'Se aprueba el informe anual', en: 'The annual report is approved' },
  })
  @IsObject()
  text: Record<string, string>;

  @ApiProperty({
    format: 'date-time',
    description: `The silence deadline, with Z or an offset: at least the minimum notice ahead (SILENCE_MIN_NOTICE_SECONDS, default 72 hours) and at most ${SILENCE_MAX_NOTICE_DAYS} days`,
  })
  @IsISO8601({ strict: true })
  @Matches(INSTANT_WITH_ZONE, { message: INSTANT_WITH_ZONE_MESSAGE('deadline') })
  deadline: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The body (working group, task force…) the decision concerns, if any' })
  @Optional()
  @IsUUID('all')
  bodyId?: string;
}
