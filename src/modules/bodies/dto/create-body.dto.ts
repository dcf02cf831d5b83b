import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { BODY_KINDS, type BodyKind } from '../entities/body.entity.js';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class CreateBodyDto {
  @ApiProperty({ enum: BODY_KINDS, description: 'A task force needs a mandate end date' })
  @IsIn(BODY_KINDS)
  kind: BodyKind;

  @ApiProperty({ example: 'Working Group on Labour Migration', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Optional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-01' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateStart must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateStart must be a valid date' })
  mandateStart?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-12-31', description: 'Required for a task force; after mandateStart' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateEnd must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateEnd must be a valid date' })
  mandateEnd?: string;
}
