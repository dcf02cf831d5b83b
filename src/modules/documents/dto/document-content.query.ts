import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Min } from 'class-validator';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class DocumentContentQuery {
  @ApiPropertyOptional({ description: 'A version number (default: the current version)', minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt32()
  @Min(1)
  version?: number;
}
