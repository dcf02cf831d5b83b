/** Longest title or description per language. */
export const TITLE_MAX_LENGTH = 500;
export const DESCRIPTION_MAX_LENGTH = 8000;
export const REASON_MAX_LENGTH = 2000;
export const TEXT_MAX_LENGTH = 8000;
/** The largest target (e.g. people) an item may carry. */
export const TARGET_MAX = 1_000_000_000_000;
