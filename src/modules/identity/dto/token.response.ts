import { ApiProperty } from '@nestjs/swagger';

export class TokenResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn: number;
  @ApiProperty({ description: 'One use only: POST /auth/refresh returns a new one with the next access token' }) refreshToken: string;
}
