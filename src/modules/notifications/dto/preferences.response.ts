import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_MODES, type DeliveryMode } from '../preferences.service.js';

export class PreferenceResponse {
  @ApiProperty({ example: 'council.reminder', description: 'A notification kind that can be switched' }) kind: string;
  @ApiProperty({ enum: DELIVERY_MODES, description: 'The stored choice, or immediate (the default)' }) mode: DeliveryMode;
}

export class PreferenceListResponse {
  @ApiProperty({ type: [PreferenceResponse], description: 'Every kind that can be switched, stored or default' }) items: PreferenceResponse[];
}
