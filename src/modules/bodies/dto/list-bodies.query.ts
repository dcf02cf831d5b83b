import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BODY_KINDS, BODY_STATUSES, type BodyKind, type BodyStatus } from '../entities/body.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class ListBodiesQuery {
  @ApiPropertyOptional({ enum: BODY_KINDS })
  @Optional()
  @IsIn(BODY_KINDS)
  kind?: BodyKind;

  @ApiPropertyOptional({ enum: BODY_STATUSES })
  @Optional()
  @IsIn(BODY_STATUSES)
  status?: BodyStatus;
}
