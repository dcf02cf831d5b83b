export interface TextProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * A text per working language (title, description): at least one language,
 * only working languages, each a non-blank string of at most `maxLength`
 * characters. Null when fine.
 */
export function localizedTextProblem(field: string, text: Record<string, unknown>, workingLanguages: readonly string[], maxLength: number): TextProblem | null {
  const keys = Object.keys(text);
  if (keys.length === 0) return { field, rule: 'not_empty', message: `${field} needs a text in at least one working language (${workingLanguages.join(', ')})` };
  for (const key of keys) {
    if (!workingLanguages.includes(key)) return { field: `${field}.${key}`, rule: 'working_language', message: `${key} is not a working language of the council (${workingLanguages.join(', ')})` };
    const value = text[key];
    if (typeof value !== 'string' || value.trim() === '') return { field: `${field}.${key}`, rule: 'not_blank', message: `${field}.${key} must be a non-blank text` };
    if (value.trim().length > maxLength) return { field: `${field}.${key}`, rule: 'max_length', message: `${field}.${key} must be at most ${maxLength} characters` };
  }
  return null;
}

/** The texts, trimmed. */
export function trimmedTexts(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.trim()]));
}
