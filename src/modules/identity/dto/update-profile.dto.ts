import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WORKING_LANGUAGES, type WorkingLanguage } from '../../councils/entities/council.entity.js';
import { IsTimeZone } from '../../../core/time-zones/is-time-zone.decorator.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** The signed-in person's own settings: the language of the console and of their emails, their time zone. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ enum: WORKING_LANGUAGES, description: 'The language of the console and of the emails to you' })
  @Optional()
  @IsIn(WORKING_LANGUAGES)
  preferredLanguage?: WorkingLanguage;

  @ApiPropertyOptional({ example: 'America/Guatemala', description: 'Your IANA time zone' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;
}
