/** The name given to a participant's delegation when the participant is created (editable afterwards). */
export function defaultDelegationName(participantName: string): string {
  return `Delegation of ${participantName}`;
}
