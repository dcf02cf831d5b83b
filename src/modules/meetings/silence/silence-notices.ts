/** The notification kinds of the silence procedure (outbox rows about a decision; phrases in silence.phrases.ts). */
export const SILENCE_CIRCULATED = 'silence.circulated';
/** Told to the secretariat when a member state breaks silence (occurrence: the break's id). */
export const SILENCE_BROKEN = 'silence.broken';
export const SILENCE_ADOPTED = 'silence.adopted';
export const SILENCE_NOT_ADOPTED = 'silence.not_adopted';
export const SILENCE_KINDS = [SILENCE_CIRCULATED, SILENCE_BROKEN, SILENCE_ADOPTED, SILENCE_NOT_ADOPTED] as const;
export type SilenceKind = (typeof SILENCE_KINDS)[number];
