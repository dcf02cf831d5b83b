import { ApiProperty } from '@nestjs/swagger';
import { TERM_SOURCES, type TermSource } from '../entities/presidency-term.entity.js';

/**
 * One entry of the troika or the schedule: a recorded term (`projected: false`),
 * or a projected one (`projected: true`, no id) whose holder is null when it is
 * to be designated (`toBeDesignated: true`).
 */
export class PresidencyEntryResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a projected entry' }) id: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when the holder is to be designated' })
  participantId: string | null;
  @ApiProperty({ type: String, nullable: true }) holderName: string | null;
  @ApiProperty({ type: String, nullable: true }) isoCode: string | null;
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) endsAt: string;
  @ApiProperty({ enum: TERM_SOURCES, nullable: true, description: 'null for a projected entry' }) source: TermSource | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'Not recorded: computed from the rotation policy' }) projected: boolean;
  @ApiProperty({ description: 'Projected with no holder: the council must designate one' }) toBeDesignated: boolean;
}
