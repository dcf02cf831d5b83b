import type { MessageLanguage } from '../message-kinds.js';

/**
 * The phrases of one notice in one language: Handlebars over the notice's `vars` (plain text, no markup).
 * `subject`, `intro` and `why` are required; any other phrase names a row label or a link label.
 */
export type NoticePhrases = { subject: string; intro: string; why: string } & Readonly<Record<string, string>>;

/** Notices of one feature: notice name (e.g. 'minutes.circulated') → phrases in every working language. */
export type NoticeCatalog = Readonly<Record<string, Readonly<Record<MessageLanguage, NoticePhrases>>>>;
