import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

export const REQUESTABLE_OUTCOMES = ['deferred'] as const;

/** Closing a decision: its outcome follows from quorum and objections, unless it is deferred. */
export class CloseDecisionDto {
  @ApiProperty({ description: 'The version of the decision you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ enum: REQUESTABLE_OUTCOMES, description: "'deferred' defers the decision (allowed without quorum); otherwise adopted or not_adopted follows from the rules" })
  @IsOptional()
  @IsIn(REQUESTABLE_OUTCOMES)
  outcome?: (typeof REQUESTABLE_OUTCOMES)[number];
}
