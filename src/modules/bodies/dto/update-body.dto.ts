import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { BODY_STATUSES, type BodyStatus } from '../entities/body.entity.js';

/** Fields left out stay as they are; description and mandate dates can be cleared with null. */
export class UpdateBodyDto {
  @ApiProperty({ description: 'The version the client read', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateStart must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateStart must be a valid date' })
  mandateStart?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'A task force cannot lose its mandate end date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'mandateEnd must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'mandateEnd must be a valid date' })
  mandateEnd?: string | null;

  @ApiPropertyOptional({ enum: BODY_STATUSES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(BODY_STATUSES)
  status?: BodyStatus;
}
