import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export const PUBLISHED_OUTCOMES = ['adopted'] as const;

/** The public list: only adopted decisions are published. */
export class ListDecisionsQuery {
  @ApiPropertyOptional({ enum: PUBLISHED_OUTCOMES, default: 'adopted', description: 'Only adopted decisions are published' })
  @Optional()
  @IsIn(PUBLISHED_OUTCOMES)
  outcome?: (typeof PUBLISHED_OUTCOMES)[number];
}
