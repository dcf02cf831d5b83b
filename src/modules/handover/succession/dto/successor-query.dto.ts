import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class SuccessorQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The outgoing term (default: the term covering now)' })
  @IsOptional()
  @IsUUID()
  termId?: string;
}
