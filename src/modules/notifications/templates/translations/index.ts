import type { MessageLanguage } from '../message-kinds.js';
import { en, type Dictionary } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { pt } from './pt.js';

export type { Dictionary, PhraseKey } from './en.js';

export const DICTIONARIES: Readonly<Record<MessageLanguage, Dictionary>> = { es, en, fr, pt };
