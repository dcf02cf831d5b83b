import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DECISION_STATUSES, type DecisionStatus } from '../../session/entities/decision.entity.js';
import { SILENCE_OUTCOMES, type SilenceOutcome } from './silence-procedure.response.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class ListSilenceProceduresQuery {
  @ApiPropertyOptional({ enum: DECISION_STATUSES, description: "'proposed': silence runs (or its deadline passed and the close is due); 'closed': decided" })
  @Optional()
  @IsIn(DECISION_STATUSES)
  status?: DecisionStatus;

  @ApiPropertyOptional({ enum: SILENCE_OUTCOMES, description: 'Only closed procedures with this outcome' })
  @Optional()
  @IsIn(SILENCE_OUTCOMES)
  outcome?: SilenceOutcome;
}
