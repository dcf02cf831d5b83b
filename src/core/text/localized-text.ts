/**
 * Texts given per working language (titles, decision texts, minutes, descriptions): the one check every feature
 * applies to them, and how a text is read back in a person's language. Pure; no I/O.
 */
export interface TextProblem {
  field: string;
  rule: string;
  message: string;
}

export interface LocalizedTextRules {
  /** `{}` is accepted (an optional text given as "none in any language"). Default: at least one language. */
  allowEmpty?: boolean;
  /** Added to the not-blank message, e.g. how to have no text in a language. */
  blankHint?: string;
}

/**
 * A text per working language: at least one language (unless `allowEmpty`), only working languages, each a
 * non-blank string of at most `maxLength` characters. Null when fine.
 */
export function localizedTextProblem(
  field: string,
  text: Record<string, unknown>,
  workingLanguages: readonly string[],
  maxLength: number,
  rules: LocalizedTextRules = {},
): TextProblem | null {
  const keys = Object.keys(text);
  if (keys.length === 0 && !rules.allowEmpty) {
    return { field, rule: 'not_empty', message: `${field} needs a text in at least one working language (${workingLanguages.join(', ')})` };
  }
  for (const key of keys) {
    if (!workingLanguages.includes(key))
      return {
        field: `${field}.${key}`,
        rule: 'working_language',
        message: `${key} is not a working language of the council (${workingLanguages.join(', ')})`,
      };
    const value = text[key];
    if (typeof value !== 'string' || value.trim() === '') {
      return {
        field: `${field}.${key}`,
        rule: 'not_blank',
        message: `${field}.${key} must be a non-blank text${rules.blankHint ? ` ${rules.blankHint}` : ''}`,
      };
    }
    if (value.trim().length > maxLength)
      return { field: `${field}.${key}`, rule: 'max_length', message: `${field}.${key} must be at most ${maxLength} characters` };
  }
  return null;
}

/** The texts, trimmed. */
export function trimmedTexts(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.trim()]));
}

/** The text in `language`, else in the first language it has, else ''. */
export function textIn(texts: Readonly<Record<string, string>> | null | undefined, language: string): string {
  if (!texts) return '';
  return texts[language] ?? Object.values(texts)[0] ?? '';
}
