import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../participants/entities/participant.entity.js';
import type { DelegationViewRow } from '../delegations.repository.js';
import { DelegationHeadResponse } from './delegation-head.response.js';

export class DelegationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() participantName: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) participantKind: ParticipantKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) contactEmail: string | null;
  @ApiProperty({ type: DelegationHeadResponse, nullable: true, description: 'The active head of delegation, if any' })
  head: DelegationHeadResponse | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(row: DelegationViewRow): DelegationResponse {
    return DelegationResponse.fill(new DelegationResponse(), row);
  }

  protected static fill<T extends DelegationResponse>(r: T, row: DelegationViewRow): T {
    r.id = row.id;
    r.councilId = row.councilId;
    r.participantId = row.participantId;
    r.participantName = row.participantName;
    r.participantKind = row.participantKind;
    r.name = row.name;
    r.contactEmail = row.contactEmail;
    r.head = row.headId ? DelegationHeadResponse.from(row.headId, row.headFullName!, row.headEmail!) : null;
    r.version = row.version;
    r.createdAt = new Date(row.createdAt).toISOString();
    r.updatedAt = new Date(row.updatedAt).toISOString();
    return r;
  }
}
