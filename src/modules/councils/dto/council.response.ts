import { ApiProperty } from '@nestjs/swagger';
import { ROTATION_POLICIES, type RotationPolicy, WORKING_LANGUAGES, type WorkingLanguage } from '../entities/council.entity.js';
import { MeetingRulesResponse } from './meeting-rules.response.js';

export class CouncilResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: WORKING_LANGUAGES, isArray: true }) workingLanguages: WorkingLanguage[];
  @ApiProperty() termMonths: number;
  @ApiProperty({ enum: ROTATION_POLICIES }) rotationPolicy: RotationPolicy;
  @ApiProperty() quorumRatio: number;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: MeetingRulesResponse }) meetingRules: MeetingRulesResponse;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
