import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { ActionItemFieldsDto } from './create-action-item.dto.js';

export const DECISION_ITEMS_MAX = 50;

/** The action items an adopted decision asks for, created together (source: the decision). */
export class CreateDecisionActionItemsDto {
  @ApiProperty({ type: [ActionItemFieldsDto], description: `1 to ${DECISION_ITEMS_MAX} items` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DECISION_ITEMS_MAX)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActionItemFieldsDto)
  items: ActionItemFieldsDto[];
}
