import { ApiProperty } from '@nestjs/swagger';
import { CouncilUserResponse } from './council-user.response.js';

export class CouncilUserListResponse {
  @ApiProperty({ type: [CouncilUserResponse] }) items: CouncilUserResponse[];
}
