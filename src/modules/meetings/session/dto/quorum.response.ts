import { ApiProperty } from '@nestjs/swagger';

export class QuorumResponse {
  @ApiProperty({ description: 'Active member states whose delegation is recorded present' }) memberStatesPresent: number;
  @ApiProperty({ description: 'Active member states of the council' }) activeMemberStates: number;
  @ApiProperty({ description: 'ceil(council.quorumRatio × activeMemberStates), at least 1' }) required: number;
  @ApiProperty({ description: "The council's quorum ratio" }) quorumRatio: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ description: 'The rule, in words' }) rule: string;
}
