import { ApiProperty } from '@nestjs/swagger';

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
}
