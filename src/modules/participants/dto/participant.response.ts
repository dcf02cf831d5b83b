import { ApiProperty } from '@nestjs/swagger';
import {
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_KINDS,
  PARTICIPANT_STATUSES,
  type ParticipantCategory,
  type ParticipantKind,
  type ParticipantStatus,
} from '../entities/participant.entity.js';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: 'MX' }) isoCode: string | null;
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES, nullable: true }) category: ParticipantCategory | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Member states: place in the rotation order' }) rotationPosition: number | null;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty({ type: String, nullable: true }) timeZone: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
