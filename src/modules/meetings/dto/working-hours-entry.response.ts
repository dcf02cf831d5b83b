import { ApiProperty } from '@nestjs/swagger';

/** One active member state: the proposed meeting in its capital's local time. */
export class WorkingHoursEntryResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) isoCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The capital's IANA zone; null when not recorded (then nothing is computed)" }) timeZone:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-09T10:00:00-04:00' }) localStart: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-09T18:30:00-04:00' }) localEnd: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Starts before 08:00, ends after 18:00, or runs into another local day' })
  outsideWorkingHours: boolean | null;
}
