import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import type { AudienceRole } from '../../recipients.repository.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export const AUDIENCE_ROLES: AudienceRole[] = ['head', 'alternate', 'adviser', 'secretariat'];

export class ReminderAudienceDto {
  @ApiPropertyOptional({ enum: AUDIENCE_ROLES, isArray: true, description: 'Delegate roles (and/or the secretariat); empty = every delegate' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AUDIENCE_ROLES, { each: true })
  roles?: AudienceRole[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these delegations; empty = all' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  delegationIds?: string[];
}

export class CreateCouncilReminderDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) message: string;
  @ApiProperty({ format: 'date-time', description: 'When to send (with Z or an offset)' })
  @IsISO8601({ strict: true })
  sendAt: string;
  @ApiProperty({ type: ReminderAudienceDto }) @IsObject() @ValidateNested() @Type(() => ReminderAudienceDto) audience: ReminderAudienceDto;
}

export class UpdateCouncilReminderDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;
  @ApiPropertyOptional({ maxLength: 200 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(5000) message?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Moves the reminder' }) @Optional() @IsISO8601({ strict: true }) sendAt?: string;
  @ApiPropertyOptional({ type: ReminderAudienceDto }) @Optional() @IsObject() @ValidateNested() @Type(() => ReminderAudienceDto) audience?: ReminderAudienceDto;
}

export class CouncilReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty() title: string;
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date-time' }) sendAt: string;
  @ApiProperty({ type: ReminderAudienceDto }) audience: ReminderAudienceDto;
  @ApiProperty({ enum: ['scheduled', 'sent', 'cancelled'] }) status: string;
  @ApiProperty() version: number;
}

export class CouncilReminderListResponse {
  @ApiProperty({ type: [CouncilReminderResponse] }) items: CouncilReminderResponse[];
}
