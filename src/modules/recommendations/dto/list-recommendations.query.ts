import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ListRecommendationsQuery {
  @ApiPropertyOptional({ example: 'C', description: 'Only the recommendations of the focus area with this code' })
  @IsOptional()
  @Matches(/^[A-Z]{1,3}$/, { message: 'focusArea must be a focus area code (1 to 3 capital letters)' })
  focusArea?: string;
}
