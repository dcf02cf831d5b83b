import { ApiProperty } from '@nestjs/swagger';
import type { RecommendationRow } from '../recommendations.repository.js';

export class RecommendationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ format: 'uuid' }) focusAreaId: string;
  @ApiProperty({ example: 'A' }) focusAreaCode: string;
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) whoShouldAct: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(row: RecommendationRow): RecommendationResponse {
    const r = new RecommendationResponse();
    r.id = row.id;
    r.councilId = row.councilId;
    r.focusAreaId = row.focusAreaId;
    r.focusAreaCode = row.focusAreaCode;
    r.number = row.number;
    r.title = row.title;
    r.body = row.body;
    r.whoShouldAct = row.whoShouldAct;
    r.version = row.version;
    r.createdAt = new Date(row.createdAt).toISOString();
    r.updatedAt = new Date(row.updatedAt).toISOString();
    return r;
  }
}
