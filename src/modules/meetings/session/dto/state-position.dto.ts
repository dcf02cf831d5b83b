import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DECISION_POSITIONS, type DecisionPositionKind } from '../entities/decision-position.entity.js';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class StatePositionDto {
  @ApiProperty({ enum: DECISION_POSITIONS }) @IsIn(DECISION_POSITIONS) position: DecisionPositionKind;
  @ApiPropertyOptional({ maxLength: 2000 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(2000) note?: string;
}
