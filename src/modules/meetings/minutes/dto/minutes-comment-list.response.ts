import { ApiProperty } from '@nestjs/swagger';
import { MinutesCommentResponse } from './minutes-comment.response.js';

export class MinutesCommentListResponse {
  @ApiProperty({ type: [MinutesCommentResponse] }) items: MinutesCommentResponse[];
}
