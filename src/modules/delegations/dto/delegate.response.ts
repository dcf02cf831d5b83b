import { ApiProperty } from '@nestjs/swagger';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import type { DelegateRow } from '../delegates.repository.js';
import { DELEGATE_ROLES, type DelegateRole } from '../entities/delegate.entity.js';

export class DelegateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: DELEGATE_ROLES }) role: DelegateRole;
  @ApiProperty({ enum: WORKING_LANGUAGES }) preferredLanguage: WorkingLanguage;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(row: DelegateRow): DelegateResponse {
    const r = new DelegateResponse();
    r.id = row.id;
    r.councilId = row.councilId;
    r.delegationId = row.delegationId;
    r.fullName = row.fullName;
    r.email = row.email;
    r.role = row.role;
    r.preferredLanguage = row.preferredLanguage;
    r.timeZone = row.timeZone;
    r.active = row.active;
    r.version = row.version;
    r.createdAt = row.createdAt.toISOString();
    r.updatedAt = row.updatedAt.toISOString();
    return r;
  }
}
