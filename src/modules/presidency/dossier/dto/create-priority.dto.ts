import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { PRIORITY_STATUSES, type PriorityStatus } from '../entities/presidency-priority.entity.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class CreatePriorityDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Title per working language (at least one; at most 300 characters each)',
    example: { es: 'Vías de migración laboral', en: 'Labour-migration pathways' },
  })
  @IsObject()
  title: Record<string, string>;

  @ApiPropertyOptional({ enum: PRIORITY_STATUSES, default: 'planned' }) @Optional() @IsIn(PRIORITY_STATUSES) status?: PriorityStatus;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'notes must not be blank' })
  @MaxLength(4000)
  notes?: string;
}
