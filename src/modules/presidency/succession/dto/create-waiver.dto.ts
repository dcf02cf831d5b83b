import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class CreateWaiverDto {
  @ApiProperty({ format: 'uuid', description: 'The member state waiving its turn' })
  @IsUUID()
  participantId: string;

  @ApiProperty({ format: 'uuid', description: 'The ADOPTED decision of the council recording the waiver' })
  @IsUUID()
  decisionId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The outgoing term whose succession is waived; omitted = the state's next turn (used up by the transfer that skips it)",
  })
  @Optional()
  @IsUUID()
  forTermAfter?: string;
}
