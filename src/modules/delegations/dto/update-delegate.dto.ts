import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { DELEGATE_ROLES, type DelegateRole } from '../entities/delegate.entity.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class UpdateDelegateDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName?: string;

  @ApiPropertyOptional({ format: 'email', description: 'Stored in lower case' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ enum: DELEGATE_ROLES })
  @Optional()
  @IsIn(DELEGATE_ROLES)
  role?: DelegateRole;

  @ApiPropertyOptional({ enum: WORKING_LANGUAGES })
  @Optional()
  @IsIn(WORKING_LANGUAGES)
  preferredLanguage?: WorkingLanguage;

  @ApiPropertyOptional({ description: 'IANA time zone' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'false deactivates the delegate (same as DELETE); true reactivates' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}
