import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { Nullable } from '../../../core/validation/presence.decorators.js';

export class CreateBodyLeadDto {
  @ApiProperty({ format: 'uuid', description: 'A participant of the same council' })
  @IsUUID('4')
  participantId: string;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day of the lead (inclusive)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a valid date' })
  from: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-01',
    nullable: true,
    type: String,
    description: 'Day the lead ends (exclusive); null or absent = open-ended',
  })
  @Nullable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'until must be a valid date' })
  until?: string | null;
}
