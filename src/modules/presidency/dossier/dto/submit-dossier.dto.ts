import { ApiProperty } from '@nestjs/swagger';
import { Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class SubmitDossierDto {
  @ApiProperty({ description: 'The version of the dossier you reviewed' }) @IsInt32() @Min(1) version: number;
}
