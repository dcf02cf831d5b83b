import { ApiProperty } from '@nestjs/swagger';
import type { BodyLeadRow } from '../body-leads.repository.js';

export class BodyLeadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bodyId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() participantName: string;
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day (inclusive)' }) from: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'End day (exclusive); null = open-ended' }) until: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;

  static from(row: BodyLeadRow): BodyLeadResponse {
    const r = new BodyLeadResponse();
    r.id = row.id;
    r.bodyId = row.bodyId;
    r.participantId = row.participantId;
    r.participantName = row.participantName;
    r.from = row.from;
    r.until = row.until;
    r.createdAt = new Date(row.createdAt).toISOString();
    return r;
  }
}
