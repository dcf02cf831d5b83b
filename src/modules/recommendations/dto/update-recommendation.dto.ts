import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, Matches } from 'class-validator';
import { Nullable, Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

/** Fields left out stay as they are; whoShouldAct can be cleared with null. */
export class UpdateRecommendationDto {
  @ApiProperty({ description: 'The version the client read', example: 1 })
  @IsInt32()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4')
  focusAreaId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt32()
  @Min(1)
  @Max(100_000)
  number?: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'whoShouldAct must not be blank' })
  whoShouldAct?: string | null;
}
