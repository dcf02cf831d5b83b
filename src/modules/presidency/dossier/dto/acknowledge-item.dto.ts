import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../../../core/validation/presence.decorators.js';

export class AcknowledgeItemDto {
  @ApiProperty({
    example: 'action_item:6f1c1f7e-2a6b-4f0e-9a53-0d2f7c1b9e11',
    description: "The entry's key in the dossier (action_item:, decision:, silence:, meeting:, body:, priority: + id)",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  itemKey: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @Optional() @IsString() @IsNotEmpty() @MaxLength(2000) note?: string;
}
