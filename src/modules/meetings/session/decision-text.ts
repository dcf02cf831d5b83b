import { DECISION_TEXT_MAX_LENGTH } from './dto/propose-decision.dto.js';

export interface TextProblem {
  field: string;
  rule: string;
  message: string;
}

/** Like agenda titles: at least one working language, only working languages, each a non-blank text. Null when fine. */
export function decisionTextProblem(text: Record<string, unknown>, workingLanguages: readonly string[]): TextProblem | null {
  const keys = Object.keys(text);
  if (keys.length === 0) return { field: 'text', rule: 'not_empty', message: `text needs a text in at least one working language (${workingLanguages.join(', ')})` };
  for (const key of keys) {
    if (!workingLanguages.includes(key)) return { field: `text.${key}`, rule: 'working_language', message: `${key} is not a working language of the council (${workingLanguages.join(', ')})` };
    const value = text[key];
    if (typeof value !== 'string' || value.trim() === '') return { field: `text.${key}`, rule: 'not_blank', message: `text.${key} must be a non-blank text` };
    if (value.trim().length > DECISION_TEXT_MAX_LENGTH) return { field: `text.${key}`, rule: 'max_length', message: `text.${key} must be at most ${DECISION_TEXT_MAX_LENGTH} characters` };
  }
  return null;
}
