import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export const HANDOVER_MODES = ['early', 'written', 'meeting'] as const;
export type HandoverMode = (typeof HANDOVER_MODES)[number];

export class HandoverDto {
  @ApiProperty({
    enum: HANDOVER_MODES,
    description:
      "'early' (the secretariat, before the term's end), 'written' (by written procedure: decisionId required), 'meeting' (the handover meeting has closed: meetingId required)",
  })
  @IsIn(HANDOVER_MODES)
  mode: HandoverMode;

  @ApiPropertyOptional({ format: 'date-time', description: 'The new boundary (default now); within the current term, never in the future' })
  @Optional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The adopted decision grounding the handover (required for written)' })
  @Optional()
  @IsUUID()
  decisionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The handover meeting (mode 'meeting'): it must have closed" })
  @Optional()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The outgoing term the caller saw as current (409 STALE_TERM if it no longer is)' })
  @Optional()
  @IsUUID()
  termId?: string;
}
