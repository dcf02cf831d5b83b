import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS, BODY_STATUSES, type BodyKind, type BodyStatus } from '../entities/body.entity.js';
import { BodyLeadResponse } from './body-lead.response.js';

export class BodyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: BODY_KINDS }) kind: BodyKind;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) mandateStart: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) mandateEnd: string | null;
  @ApiProperty({ enum: BODY_STATUSES }) status: BodyStatus;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [BodyLeadResponse], description: 'In lists: the current leads; for one body: all its leads' })
  leads: BodyLeadResponse[];
}
