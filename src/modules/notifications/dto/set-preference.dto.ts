import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DELIVERY_MODES, type DeliveryMode } from '../preferences.service.js';

export class SetPreferenceDto {
  @ApiProperty({ enum: DELIVERY_MODES, description: 'immediate: an email at once; digest: in the daily digest; off: no email (the inbox still gets it)' })
  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;
}
