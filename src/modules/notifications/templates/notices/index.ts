import type { MessageLanguage } from '../message-kinds.js';
import { ACTION_ITEM_NOTICES } from '../../../action-items/reminders/action-item.phrases.js';
import { MEETING_NOTICES } from '../../../meetings/meeting.phrases.js';
import { MINUTES_NOTICES } from '../../../meetings/minutes/minutes.phrases.js';
import { SILENCE_NOTICES } from '../../../meetings/silence/silence.phrases.js';
import { HANDOVER_NOTICES } from '../../../presidency/timeline/handover.phrases.js';
import { PRESIDENCY_NOTICES } from '../../../presidency/transfer/presidency.phrases.js';
import type { NoticeCatalog } from './notice-catalog.js';

export type { NoticeCatalog, NoticePhrases } from './notice-catalog.js';

/**
 * Every notice, from every feature's catalog (one line per catalog). A feature's phrases live beside its kinds
 * (e.g. meetings/silence/silence.phrases.ts); they are gathered here because the API lists them too (preferences).
 */
export const NOTICES: NoticeCatalog = {
  ...MEETING_NOTICES,
  ...MINUTES_NOTICES,
  ...SILENCE_NOTICES,
  ...HANDOVER_NOTICES,
  ...ACTION_ITEM_NOTICES,
  ...PRESIDENCY_NOTICES,
};

/** The notices' phrases flattened per language: '<notice>.<phrase>' → Handlebars source. */
export function noticeDictionary(language: MessageLanguage): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [notice, languages] of Object.entries(NOTICES)) {
    for (const [name, source] of Object.entries(languages[language])) out[`${notice}.${name}`] = source;
  }
  return out;
}
