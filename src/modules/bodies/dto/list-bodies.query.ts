import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BODY_KINDS, BODY_STATUSES, type BodyKind, type BodyStatus } from '../entities/body.entity.js';

export class ListBodiesQuery {
  @ApiPropertyOptional({ enum: BODY_KINDS })
  @IsOptional()
  @IsIn(BODY_KINDS)
  kind?: BodyKind;

  @ApiPropertyOptional({ enum: BODY_STATUSES })
  @IsOptional()
  @IsIn(BODY_STATUSES)
  status?: BodyStatus;
}
