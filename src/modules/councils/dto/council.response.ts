import { ApiProperty } from '@nestjs/swagger';
import type { MeetingRules } from '../council-defaults.js';
import type { CouncilRow } from '../councils.repository.js';
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

  static from(row: CouncilRow, rules: MeetingRules): CouncilResponse {
    const r = new CouncilResponse();
    r.id = row.id;
    r.slug = row.slug;
    r.name = row.name;
    r.workingLanguages = row.workingLanguages;
    r.termMonths = row.termMonths;
    r.rotationPolicy = row.rotationPolicy;
    r.quorumRatio = row.quorumRatio;
    r.timeZone = row.timeZone;
    r.meetingRules = MeetingRulesResponse.from(rules);
    r.version = row.version;
    r.createdAt = row.createdAt.toISOString();
    r.updatedAt = row.updatedAt.toISOString();
    return r;
  }
}
