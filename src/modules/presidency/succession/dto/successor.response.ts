import { ApiProperty } from '@nestjs/swagger';

export class SuccessorSkipResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ['suspended', 'withdrawn', 'waived'] }) reason: 'suspended' | 'withdrawn' | 'waived';
}

export class SuccessorHolderResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) isoCode: string | null;
}

/** Who follows a term — or why nobody does yet (the system never picks one silently). */
export class SuccessorResponse {
  @ApiProperty({ format: 'uuid' }) termId: string;
  @ApiProperty({ format: 'date-time' }) termEndsAt: string;
  @ApiProperty({ enum: ['fixed_order', 'designated'] }) rotationPolicy: string;
  @ApiProperty({ description: 'Whether a successor is known' }) known: boolean;
  @ApiProperty({ type: SuccessorHolderResponse, nullable: true }) successor: SuccessorHolderResponse | null;
  @ApiProperty({
    type: String,
    enum: ['entered', 'rotation', 'designated', 'transferred'],
    nullable: true,
    description: "'transferred': the term was already succeeded",
  })
  basis: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['designation_missing', 'designation_late', 'designee_not_active', 'no_eligible_member'] })
  reason: string | null;
  @ApiProperty({ type: [SuccessorSkipResponse] }) skipped: SuccessorSkipResponse[];
  @ApiProperty({ format: 'date-time', description: 'A designation must be adopted by then (designated policy); the no-successor alert starts then' })
  designationDeadline: string;
}
