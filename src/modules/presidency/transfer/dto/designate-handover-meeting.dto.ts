import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class DesignateHandoverMeetingDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The meeting, not held yet (draft, convened, agenda circulated or in session), at whose close the presidency passes',
  })
  @IsUUID()
  meetingId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The outgoing term (default: the term covering now); it must not have ended' })
  @Optional()
  @IsUUID()
  termId?: string;
}
