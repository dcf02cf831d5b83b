import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { COUNCIL_ROLES, type CouncilRoleName } from '../entities/council-role.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class CreateCouncilUserDto {
  @ApiProperty({ example: 'head.mx@example.org', maxLength: 320, description: 'Stored lower-cased; an existing account with this email is reused' })
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({ example: 'María Pérez', maxLength: 200, description: 'Used only when the account is new' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName: string;

  @ApiProperty({ enum: COUNCIL_ROLES })
  @IsIn(COUNCIL_ROLES)
  role: CouncilRoleName;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role delegate (and only then): the delegate seat in this council the account acts as' })
  @Optional()
  @IsUUID('all', { message: 'delegateId must be a UUID' })
  delegateId?: string;
}
