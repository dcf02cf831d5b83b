import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, Matches } from 'class-validator';

/** Fields left out stay as they are; whoShouldAct can be cleared with null. */
export class UpdateRecommendationDto {
  @ApiProperty({ description: 'The version the client read', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((_, v) => v !== undefined)
  @IsUUID('4')
  focusAreaId?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsInt()
  @Min(1)
  @Max(100_000)
  number?: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'whoShouldAct must not be blank' })
  whoShouldAct?: string | null;
}
