import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryResponse } from './audit-entry.response.js';

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Newest first' }) items: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last page' })
  nextCursor: string | null;
}
