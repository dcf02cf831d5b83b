import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { OWNER_KINDS, type OwnerKind } from '../entities/action-item.entity.js';
import { IsDateOnly } from './date-only.js';
import { REASON_MAX_LENGTH } from './owner-fields.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** A new owner and/or due date, with the reason (audited and kept in the history). */
export class ReassignActionItemDto {
  @ApiProperty({ description: 'The version you read' }) @IsInt32() @Min(1) version: number;

  @ApiProperty({ description: 'Why the owner or due date changes' }) @IsString() @IsNotEmpty() @MaxLength(REASON_MAX_LENGTH) reason: string;

  @ApiPropertyOptional({ enum: OWNER_KINDS, description: 'The new owner kind (with ownerDelegationId or ownerBodyId as for creation); absent = same owner' })
  @Optional()
  @IsIn(OWNER_KINDS)
  ownerKind?: OwnerKind;

  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') ownerDelegationId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID('all') ownerBodyId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The person in charge; null clears it (a new owner clears it unless given)',
  })
  @Nullable()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all')
  ownerUserId?: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'The new due date (today or later)' })
  @Optional()
  @IsDateOnly('dueDate')
  dueDate?: string;
}
