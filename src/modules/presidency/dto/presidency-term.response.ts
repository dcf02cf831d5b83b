import { ApiProperty } from '@nestjs/swagger';
import { TERM_SOURCES, type TermSource } from '../entities/presidency-term.entity.js';

/** A recorded presidency term: [startsAt, endsAt). */
export class PresidencyTermResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The member state holding the presidency' }) participantId: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ type: String, nullable: true, example: 'CA' }) isoCode: string | null;
  @ApiProperty({ format: 'date-time', description: 'Inclusive' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) endsAt: string;
  @ApiProperty({ enum: TERM_SOURCES }) source: TermSource;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
