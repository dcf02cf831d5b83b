import { ApiProperty } from '@nestjs/swagger';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
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
}
