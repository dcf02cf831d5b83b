import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_STATUSES, type DossierStatus } from '../entities/handover-dossier.entity.js';

export class DossierProgress {
  @ApiProperty({ description: 'Entries acknowledged by the incoming chair' }) acknowledged: number;
  @ApiProperty({ description: 'Entries that can be acknowledged' }) total: number;
}

export class DossierResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ enum: DOSSIER_STATUSES }) status: DossierStatus;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: DossierProgress }) progress: DossierProgress;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'termId, holder, successor, troika, today, windows, actionItems {total, overdue, byOwner[{ownerKind, ownerId, ownerName, items[]}]}, decisions {pending[], deferred[]}, silenceProcedures[], meetings[], bodies[], contacts[], priorities[]; every acknowledgeable entry has a stable key',
  })
  content: Record<string, unknown>;
}

export class AcknowledgementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() itemKey: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'uuid' }) delegationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedByName: string | null;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
}

export class AcknowledgementListResponse {
  @ApiProperty({ type: [AcknowledgementResponse] }) items: AcknowledgementResponse[];
  @ApiProperty({ type: DossierProgress }) progress: DossierProgress;
  @ApiProperty({ type: [String], description: 'Keys of the entries not acknowledged yet, in document order' }) remaining: string[];
}
