import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class AppointSecretariatDto {
  @ApiProperty({ example: 'secretariat@example.org', maxLength: 320, description: 'Stored lower-cased; an existing account with this email is given the role' })
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({ example: 'Elena Ruiz', maxLength: 200, description: 'Used only when the account is new' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName: string;

  @ApiPropertyOptional({
    enum: WORKING_LANGUAGES,
    description:
      'Used only when the account is new: the language of the person’s messages (kept when the council works in it, else the council’s first ' +
      'working language is used). Default: the council’s first working language',
  })
  @Optional()
  @IsIn(WORKING_LANGUAGES)
  preferredLanguage?: WorkingLanguage;
}
