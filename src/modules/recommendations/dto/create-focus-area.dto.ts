import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateFocusAreaDto {
  @ApiProperty({ example: 'A', description: '1 to 3 capital letters, unique in the council' })
  @IsString()
  @Matches(/^[A-Z]{1,3}$/, { message: 'code must be 1 to 3 capital letters' })
  code: string;

  @ApiProperty({ example: 'A comprehensive, strategic regional approach', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  title: string;
}
