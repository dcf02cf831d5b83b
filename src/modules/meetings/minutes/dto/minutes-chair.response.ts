import { ApiProperty } from '@nestjs/swagger';

/** The member state that held the presidency when the meeting started. */
export class MinutesChairResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() name: string;
}
