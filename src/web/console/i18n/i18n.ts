import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import pt from './locales/pt.json';

/** The council's working languages, which are the console's: every resource file is complete. */
export const LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself (the switcher's options). */
export const LANGUAGE_NAMES: Record<Language, string> = { es: 'español', en: 'English', fr: 'français', pt: 'português' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Remembered on this browser for the sign-in page (before the account's language is known). */
const STORED = 'protempore.language';

/** Before sign-in: the language last chosen on this browser, else the browser's first known one, else English. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORED);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage refused: the browser's language then
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

type Texts = { [key: string]: string | Texts };

/**
 * Each area of the console may keep its texts beside the shared ones, in `areas/<area>/<language>.json`
 * (a subtree merged into the language's texts): pages of different areas never edit one file.
 */
const areaFiles = import.meta.glob<Texts>('./areas/*/*.json', { eager: true, import: 'default' });

function merge(into: Texts, from: Texts): Texts {
  for (const [key, value] of Object.entries(from)) {
    const there = into[key];
    into[key] = typeof value === 'object' && typeof there === 'object' ? merge({ ...there }, value) : value;
  }
  return into;
}

function texts(language: Language, shared: Texts): Texts {
  let all: Texts = structuredClone(shared);
  for (const [file, area] of Object.entries(areaFiles)) if (file.endsWith(`/${language}.json`)) all = merge(all, area);
  return all;
}

export const resources = {
  en: { translation: texts('en', en) },
  es: { translation: texts('es', es) },
  fr: { translation: texts('fr', fr) },
  pt: { translation: texts('pt', pt) },
} as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function follow(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORED, language);
  } catch {
    // not remembered on this browser; the account still is
  }
}
follow(i18next.language);
i18next.on('languageChanged', follow);

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'en');

/** A language's name in the interface language ("Spanish" in English, "espagnol" in French). */
export function languageName(code: string, inLanguage: string = currentLanguage()): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export default i18next;
