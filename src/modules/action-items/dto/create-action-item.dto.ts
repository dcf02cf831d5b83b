import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsNumber, IsObject, IsPositive, IsString, IsUUID, Max, MaxLength } from 'class-validator';
import { OWNER_KINDS, type OwnerKind, PRIORITIES, type Priority } from '../entities/action-item.entity.js';
import { IsDateOnly } from './date-only.js';
import { DESCRIPTION_MAX_LENGTH, TARGET_MAX, TITLE_MAX_LENGTH } from './owner-fields.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

/** What an action item says and who owns it, by when: shared by the plain creation and the creation from a decision. */
export class ActionItemFieldsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Title per working language of the council: at least one, only working languages, each non-blank, at most ${TITLE_MAX_LENGTH} characters`,
    example: { en: 'Raise labour-migration pathways by 50,000 people', es: 'Ampliar las vías de migración laboral en 50.000 personas' },
  })
  @IsObject()
  title: Record<string, string>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: `Description per working language (at most ${DESCRIPTION_MAX_LENGTH} characters each)`,
  })
  @Optional()
  @IsObject()
  description?: Record<string, string>;

  @ApiProperty({
    enum: OWNER_KINDS,
    description: "'delegation' (ownerDelegationId), 'body' (ownerBodyId), or 'presidency' (whoever holds it now; the handover moves it)",
  })
  @IsIn(OWNER_KINDS)
  ownerKind: OwnerKind;

  @ApiPropertyOptional({ format: 'uuid', description: "A delegation of the council (ownerKind 'delegation' only)" })
  @Optional()
  @IsUUID('all')
  ownerDelegationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A body of the council (ownerKind 'body' only)" })
  @Optional()
  @IsUUID('all')
  ownerBodyId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The person in charge: an account seated as a delegate of the owner (a body's: of one of its current leads)",
  })
  @Optional()
  @IsUUID('all')
  ownerUserId?: string;

  @ApiProperty({ format: 'date', example: '2027-06-30', description: "Due date (YYYY-MM-DD, a day of the council's time zone), today or later" })
  @IsDateOnly('dueDate')
  dueDate: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' }) @Optional() @IsIn(PRIORITIES) priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', description: 'The recommendation the item serves (whatever its source)' })
  @Optional()
  @IsUUID('all')
  recommendationId?: string;

  @ApiPropertyOptional({ example: 50000, description: 'A target to reach (with targetUnit), e.g. 50000 people' })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @IsPositive()
  @Max(TARGET_MAX)
  targetValue?: number;

  @ApiPropertyOptional({ example: 'people', description: 'The unit of targetValue (both or neither)' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  targetUnit?: string;
}

/**
 * A new action item. Its source follows from the ids given: decisionId (an
 * adopted decision; the meeting is the decision's), else meetingId, else
 * recommendationId (the recommendation it serves), else none.
 */
export class CreateActionItemDto extends ActionItemFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The adopted decision that asks for it (source decision)' })
  @Optional()
  @IsUUID('all')
  decisionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The meeting it comes from (source meeting; with decisionId, must be the decision’s meeting)' })
  @Optional()
  @IsUUID('all')
  meetingId?: string;
}
