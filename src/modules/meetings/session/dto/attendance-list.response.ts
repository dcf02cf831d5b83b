import { ApiProperty } from '@nestjs/swagger';
import { AttendanceResponse } from './attendance.response.js';
import { QuorumResponse } from './quorum.response.js';

export class AttendanceListResponse {
  @ApiProperty({ type: [AttendanceResponse] }) items: AttendanceResponse[];
  @ApiProperty({ type: QuorumResponse }) quorum: QuorumResponse;
}
