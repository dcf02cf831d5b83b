import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class RotationOrderDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every member state of the council exactly once, in the new rotation order (first = position 1)',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'participantIds must not repeat a participant' })
  @IsUUID('4', { each: true, message: 'each of participantIds must be a UUID' })
  participantIds: string[];
}
