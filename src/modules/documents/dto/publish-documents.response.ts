import { ApiProperty } from '@nestjs/swagger';

export class PublishDocumentsResponse {
  @ApiProperty({ format: 'uuid' }) meetingId: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}
