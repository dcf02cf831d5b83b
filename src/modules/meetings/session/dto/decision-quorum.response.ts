import { ApiProperty } from '@nestjs/swagger';

/** The quorum figures recorded when the decision was closed. */
export class DecisionQuorumResponse {
  @ApiProperty() memberStatesPresent: number;
  @ApiProperty() activeMemberStates: number;
  @ApiProperty() required: number;
}
