import { ApiProperty } from '@nestjs/swagger';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { CouncilMembershipResponse } from './council-membership.response.js';

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'System administrator' }) isAdmin: boolean;
  @ApiProperty({ enum: WORKING_LANGUAGES, description: 'The language of the console and of the emails to you' }) preferredLanguage: WorkingLanguage;
  @ApiProperty({ description: 'Your IANA time zone' }) timeZone: string;
  @ApiProperty({ type: [CouncilMembershipResponse] }) councils: CouncilMembershipResponse[];
}
