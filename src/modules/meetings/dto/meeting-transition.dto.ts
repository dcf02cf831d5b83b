import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { MEETING_STATUSES, type MeetingStatus } from '../entities/meeting.entity.js';
import { MeetingConsentDto } from './meeting-consent.dto.js';

export class MeetingTransitionDto {
  @ApiProperty({ enum: MEETING_STATUSES, description: 'The status to move to' }) @IsIn(MEETING_STATUSES) to: MeetingStatus;

  @ApiProperty({ description: 'The version you read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional({ type: MeetingConsentDto, description: "Only with to='convened' on an extraordinary meeting: convenes it at short notice" })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingConsentDto)
  consent?: MeetingConsentDto;
}
