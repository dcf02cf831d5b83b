import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, Matches } from 'class-validator';
import { Optional } from '../../../core/validation/presence.decorators.js';
import { IsInt32 } from '../../../core/validation/int32.decorator.js';

export class CreateRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'A focus area of the same council' })
  @IsUUID('4')
  focusAreaId: string;

  @ApiProperty({ example: 1, description: 'Unique in the council' })
  @IsInt32()
  @Min(1)
  @Max(100_000)
  number: number;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title: string;

  @ApiProperty({ maxLength: 20_000, description: 'The full text of the recommendation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Who the recommendation asks to act' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'whoShouldAct must not be blank' })
  whoShouldAct?: string;
}
