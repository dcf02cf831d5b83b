import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class SuccessorQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The outgoing term (default: the term covering now)' })
  @Optional()
  @IsUUID()
  termId?: string;
}
