import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class BreakSilenceDto {
  @ApiProperty({ maxLength: 2000, description: 'Why the member state breaks silence (recorded with the decision, told to the secretariat)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
