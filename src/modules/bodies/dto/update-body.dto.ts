import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { BODY_STATUSES, type BodyStatus } from '../entities/body.entity.js';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** Fields left out stay as they are; description and mandate dates can be cleared with null. */
export class UpdateBodyDto {
  @ApiProperty({ description: 'The version the client read', example: 1 })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @Nullable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateStart must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateStart must be a valid date' })
  mandateStart?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'A task force cannot lose its mandate end date' })
  @Nullable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateEnd must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateEnd must be a valid date' })
  mandateEnd?: string | null;

  @ApiPropertyOptional({ enum: BODY_STATUSES })
  @Optional()
  @IsIn(BODY_STATUSES)
  status?: BodyStatus;
}
