import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Optional } from '../../../core/validation/presence.decorators.js';

export class ListRecommendationsQuery {
  @ApiPropertyOptional({ example: 'C', description: 'Only the recommendations of the focus area with this code' })
  @Optional()
  @Matches(/^[A-Z]{1,3}$/, { message: 'focusArea must be a focus area code (1 to 3 capital letters)' })
  focusArea?: string;
}
