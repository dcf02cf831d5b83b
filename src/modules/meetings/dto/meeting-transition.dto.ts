import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, Min, ValidateNested } from 'class-validator';
import { MEETING_STATUSES, type MeetingStatus } from '../entities/meeting.entity.js';
import { MeetingConsentDto } from './meeting-consent.dto.js';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class MeetingTransitionDto {
  @ApiProperty({ enum: MEETING_STATUSES, description: 'The status to move to' }) @IsIn(MEETING_STATUSES) to: MeetingStatus;

  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiPropertyOptional({ type: MeetingConsentDto, description: "Only with to='convened' on an extraordinary meeting: convenes it at short notice" })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingConsentDto)
  consent?: MeetingConsentDto;
}
