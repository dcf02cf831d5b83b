import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTICIPANT_KINDS, PARTICIPANT_STATUSES, type ParticipantKind, type ParticipantStatus } from '../entities/participant.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class ListParticipantsQuery {
  @ApiPropertyOptional({ enum: PARTICIPANT_KINDS })
  @Optional()
  @IsIn(PARTICIPANT_KINDS)
  kind?: ParticipantKind;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @Optional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;
}
