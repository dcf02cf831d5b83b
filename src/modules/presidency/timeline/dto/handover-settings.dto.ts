import { ApiProperty } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import { IsInt32 } from '../../../../core/validation/int32.decorator.js';

export class UpdateHandoverSettingsDto {
  @ApiProperty({ description: 'The version you read (0 while the council uses the defaults)' }) @IsInt32() @Min(0) version: number;
  @ApiProperty({ minimum: 1, maximum: 60, example: 12, description: 'First reminder, months before the term ends' })
  @IsInt32()
  @Min(1)
  @Max(60)
  firstReminderMonths: number;
  @ApiProperty({
    minimum: 1,
    maximum: 60,
    example: 6,
    description: 'The incoming chair presents its priorities, months before the end (fewer than the first reminder)',
  })
  @IsInt32()
  @Min(1)
  @Max(60)
  prioritiesReminderMonths: number;
  @ApiProperty({ minimum: 1, maximum: 730, example: 90, description: 'The dossier is assembled (and its reminder sent), days before the end' })
  @IsInt32()
  @Min(1)
  @Max(730)
  dossierDays: number;
  @ApiProperty({ minimum: 1, maximum: 730, example: 30, description: 'Last reminder, days before the end (fewer than dossierDays)' })
  @IsInt32()
  @Min(1)
  @Max(730)
  finalReminderDays: number;
}

export class HandoverSettingsResponse {
  @ApiProperty() firstReminderMonths: number;
  @ApiProperty() prioritiesReminderMonths: number;
  @ApiProperty() dossierDays: number;
  @ApiProperty() finalReminderDays: number;
  @ApiProperty({ description: '0 while the council uses the defaults' }) version: number;
}
