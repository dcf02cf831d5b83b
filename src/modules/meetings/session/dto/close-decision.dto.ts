import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Min } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export const REQUESTABLE_OUTCOMES = ['deferred'] as const;

/** Closing a decision: its outcome follows from quorum and objections, unless it is deferred. */
export class CloseDecisionDto {
  @ApiProperty({ description: 'The version of the decision you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({
    enum: REQUESTABLE_OUTCOMES,
    description: "'deferred' defers the decision (allowed without quorum); otherwise adopted or not_adopted follows from the rules",
  })
  @Optional()
  @IsIn(REQUESTABLE_OUTCOMES)
  outcome?: (typeof REQUESTABLE_OUTCOMES)[number];
}
