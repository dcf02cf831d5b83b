import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CreateDesignationDto {
  @ApiProperty({ format: 'uuid', description: 'The outgoing term the designated member state succeeds' })
  @IsUUID()
  forTermAfter: string;

  @ApiProperty({ format: 'uuid', description: 'The designated member state' })
  @IsUUID()
  participantId: string;

  @ApiProperty({
    format: 'uuid',
    description: "The ADOPTED decision designating it (adopted at least the council's lead, default 12 months, before the term ends)",
  })
  @IsUUID()
  decisionId: string;
}
