import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export const COMMENT_MAX_LENGTH = 4000;

/** A delegation's comment on circulated minutes: on the whole, or on one of their agenda items. */
export class CreateMinutesCommentDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH }) @IsString() @IsNotEmpty() @MaxLength(COMMENT_MAX_LENGTH) text: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agenda item of the meeting the comment is about' })
  @Optional()
  @IsUUID('all')
  agendaItemId?: string;
}
