import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PUBLISHED_OUTCOMES = ['adopted'] as const;

/** The public list: only adopted decisions are published. */
export class ListDecisionsQuery {
  @ApiPropertyOptional({ enum: PUBLISHED_OUTCOMES, default: 'adopted', description: 'Only adopted decisions are published' })
  @IsOptional()
  @IsIn(PUBLISHED_OUTCOMES)
  outcome?: (typeof PUBLISHED_OUTCOMES)[number];
}
