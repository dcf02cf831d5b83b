import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RaiseObjectionDto {
  @ApiProperty({ maxLength: 2000, description: "Why the member state objects (recorded in the decision's record)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
