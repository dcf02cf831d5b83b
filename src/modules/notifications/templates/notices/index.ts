import type { MessageLanguage } from '../message-kinds.js';
import { HANDOVER_NOTICES } from './handover.notices.js';
import { MEETING_NOTICES } from './meeting.notices.js';
import { MINUTES_NOTICES } from './minutes.notices.js';
import { SILENCE_NOTICES } from './silence.notices.js';
import { ACTION_ITEM_NOTICES } from './action-items.notices.js';
import { PRESIDENCY_NOTICES } from './presidency.notices.js';
import type { NoticeCatalog } from './notice-catalog.js';

export type { NoticeCatalog, NoticePhrases } from './notice-catalog.js';

/** Every notice, from every feature's catalog (one line per catalog). */
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
