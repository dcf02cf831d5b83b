import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { REPRESENTED_BY, type RepresentedBy } from '../entities/meeting-attendance.entity.js';
import { Nullable } from '../../../../core/validation/presence.decorators.js';

/** Whether the delegation attends the meeting, and who represents it (the last record wins). */
export class RecordAttendanceDto {
  @ApiProperty({ description: 'The delegation is present at the meeting' }) @IsBoolean() present: boolean;

  @ApiPropertyOptional({ enum: REPRESENTED_BY, nullable: true, default: null, description: 'Who represents the delegation (only when present)' })
  @Nullable()
  @IsIn(REPRESENTED_BY)
  representedBy?: RepresentedBy | null;
}
