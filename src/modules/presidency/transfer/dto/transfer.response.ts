import { ApiProperty } from '@nestjs/swagger';
import { SUCCESSOR_BASES, TRANSFER_MODES } from '../entities/presidency-transfer.entity.js';

export class TransferResponse {
  @ApiProperty({ format: 'uuid' }) transferId: string;
  @ApiProperty({ enum: ['transferred', 'extended'] }) outcome: 'transferred' | 'extended';
  @ApiProperty({ format: 'uuid', description: 'The incoming term' }) toTermId: string;
  @ApiProperty({ format: 'date-time', description: 'The instant the presidency passed' }) boundary: string;
  @ApiProperty({ enum: TRANSFER_MODES }) mode: string;
  @ApiProperty({ enum: SUCCESSOR_BASES }) successorBasis: string;
  @ApiProperty({ description: "The presidency's open action items carried over to the new holder" }) itemsMoved: number;
}
