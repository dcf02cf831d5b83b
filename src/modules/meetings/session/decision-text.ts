import { localizedTextProblem, type TextProblem } from '../../../core/text/localized-text.js';
import { DECISION_TEXT_MAX_LENGTH } from './dto/propose-decision.dto.js';

/** Like agenda titles: at least one working language, only working languages, each a non-blank text. Null when fine. */
export const decisionTextProblem = (text: Record<string, unknown>, workingLanguages: readonly string[]): TextProblem | null =>
  localizedTextProblem('text', text, workingLanguages, DECISION_TEXT_MAX_LENGTH);
