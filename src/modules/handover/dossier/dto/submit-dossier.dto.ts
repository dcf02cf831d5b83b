import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class SubmitDossierDto {
  @ApiProperty({ description: 'The version of the dossier you reviewed' }) @IsInt() @Min(1) version: number;
}
