import { ApiProperty } from '@nestjs/swagger';

/** The member state chairing a council-level meeting: the presidency holder at the meeting's start. */
export class MeetingChairResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) isoCode: string | null;
  @ApiProperty({ format: 'uuid', description: 'The presidency term covering the start' }) termId: string;
}
