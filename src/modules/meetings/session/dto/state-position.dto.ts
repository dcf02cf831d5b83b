import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DECISION_POSITIONS, type DecisionPositionKind } from '../entities/decision-position.entity.js';

export class StatePositionDto {
  @ApiProperty({ enum: DECISION_POSITIONS }) @IsIn(DECISION_POSITIONS) position: DecisionPositionKind;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000) note?: string;
}
