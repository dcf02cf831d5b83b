/** The notification kinds of the presidency's succession (outbox kind = notice name; phrases in presidency.phrases.ts). */
export const PRESIDENCY_TRANSFERRED = 'presidency.transferred';
export const PRESIDENCY_EXTENDED = 'presidency.extended';
export const PRESIDENCY_NO_SUCCESSOR = 'presidency.no_successor';
export const PRESIDENCY_KINDS = [PRESIDENCY_TRANSFERRED, PRESIDENCY_EXTENDED, PRESIDENCY_NO_SUCCESSOR] as const;
export type PresidencyKind = (typeof PRESIDENCY_KINDS)[number];
