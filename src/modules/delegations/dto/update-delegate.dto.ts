import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { IsIanaTimeZone } from '../../councils/is-iana-time-zone.decorator.js';
import { DELEGATE_ROLES, type DelegateRole } from '../entities/delegate.entity.js';

const given = (_o: object, v: unknown) => v !== undefined;

export class UpdateDelegateDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf(given)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName?: string;

  @ApiPropertyOptional({ format: 'email', description: 'Stored in lower case' })
  @ValidateIf(given)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ enum: DELEGATE_ROLES })
  @ValidateIf(given)
  @IsIn(DELEGATE_ROLES)
  role?: DelegateRole;

  @ApiPropertyOptional({ enum: WORKING_LANGUAGES })
  @ValidateIf(given)
  @IsIn(WORKING_LANGUAGES)
  preferredLanguage?: WorkingLanguage;

  @ApiPropertyOptional({ description: 'IANA time zone' })
  @ValidateIf(given)
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'false deactivates the delegate (same as DELETE); true reactivates' })
  @ValidateIf(given)
  @IsBoolean()
  active?: boolean;
}
