import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class CreateCalendarFeedDto {
  @ApiProperty({ format: 'uuid', description: 'A council you hold a role in (secretariat, or a delegate with an active seat)' })
  @IsUUID('all')
  councilId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One body of that council: the feed holds only that body's meetings. Omitted = all the council's meetings, its bodies' included",
  })
  @Optional()
  @IsUUID('all')
  bodyId?: string;

  @ApiPropertyOptional({ default: false, description: 'Leave confidential titles out: each event is named after the kind of meeting only' })
  @Optional()
  @IsBoolean()
  hideTitles?: boolean;
}
