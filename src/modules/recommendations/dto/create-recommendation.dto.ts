import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, Matches } from 'class-validator';

export class CreateRecommendationDto {
  @ApiProperty({ format: 'uuid', description: 'A focus area of the same council' })
  @IsUUID('4')
  focusAreaId: string;

  @ApiProperty({ example: 1, description: 'Unique in the council' })
  @IsInt()
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
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'whoShouldAct must not be blank' })
  whoShouldAct?: string;
}
