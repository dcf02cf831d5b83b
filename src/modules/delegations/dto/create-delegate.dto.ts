import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { DELEGATE_ROLES, type DelegateRole } from '../entities/delegate.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class CreateDelegateDto {
  @ApiProperty({ example: 'Ana María Pérez', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName: string;

  @ApiProperty({ format: 'email', description: 'Unique within the delegation; stored in lower case' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({ enum: DELEGATE_ROLES, description: 'At most one active head per delegation' })
  @IsIn(DELEGATE_ROLES)
  role: DelegateRole;

  @ApiPropertyOptional({ enum: WORKING_LANGUAGES, default: 'en' })
  @Optional()
  @IsIn(WORKING_LANGUAGES)
  preferredLanguage?: WorkingLanguage;

  @ApiPropertyOptional({ default: 'UTC', example: 'America/Tegucigalpa', description: 'IANA time zone' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;
}
