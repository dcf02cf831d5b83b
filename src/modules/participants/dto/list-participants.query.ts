import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PARTICIPANT_KINDS, PARTICIPANT_STATUSES, type ParticipantKind, type ParticipantStatus } from '../entities/participant.entity.js';

export class ListParticipantsQuery {
  @ApiPropertyOptional({ enum: PARTICIPANT_KINDS })
  @IsOptional()
  @IsIn(PARTICIPANT_KINDS)
  kind?: ParticipantKind;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATUSES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATUSES)
  status?: ParticipantStatus;
}
