import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';

export class UpdateDelegationDto {
  @ApiProperty({ minimum: 1, description: 'The version the client read (optimistic concurrency)' })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 250, example: 'Delegation of Mexico' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', description: 'Stored in lower case; null clears it' })
  @Nullable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  contactEmail?: string | null;
}
