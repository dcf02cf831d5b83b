import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The body's consent to an extraordinary meeting at shorter notice than the rules require. */
export class MeetingConsentDto {
  @ApiProperty({ maxLength: 2000, description: 'How and when the consent was given' }) @IsString() @IsNotEmpty() @MaxLength(2000) note: string;
}
