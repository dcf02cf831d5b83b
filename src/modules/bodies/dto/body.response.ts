import { ApiProperty } from '@nestjs/swagger';
import type { BodyRow } from '../bodies.repository.js';
import type { BodyLeadRow } from '../body-leads.repository.js';
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

  static from(row: BodyRow, leads: BodyLeadRow[]): BodyResponse {
    const r = new BodyResponse();
    r.id = row.id;
    r.councilId = row.councilId;
    r.kind = row.kind;
    r.name = row.name;
    r.description = row.description;
    r.mandateStart = row.mandateStart;
    r.mandateEnd = row.mandateEnd;
    r.status = row.status;
    r.version = row.version;
    r.createdAt = new Date(row.createdAt).toISOString();
    r.updatedAt = new Date(row.updatedAt).toISOString();
    r.leads = leads.map((l) => BodyLeadResponse.from(l));
    return r;
  }
}
