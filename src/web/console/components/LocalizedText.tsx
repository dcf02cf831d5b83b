import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/i18n';

/** A content text of the API: one string per working language (some may be missing). */
export type Texts = Record<string, string | undefined> | null | undefined;

interface Props {
  text: Texts;
  /** The council's working languages, first first: the fallback when the chosen language is missing. */
  workingLanguages?: readonly string[];
  as?: 'span' | 'p' | 'div';
}

/**
 * A content text in the interface language; when it lacks that language, in the council's first working
 * language (else any it has), with its `lang` attribute and a visible marker naming the language shown.
 */
export function LocalizedText({ text, workingLanguages = [], as: Tag = 'span' }: Props) {
  const { t, i18n } = useTranslation();
  const mine = text?.[i18n.language];
  if (mine) return <Tag>{mine}</Tag>;
  const fallback = [...workingLanguages, ...Object.keys(text ?? {})].find((l) => text?.[l]);
  if (!fallback) return <Tag className="muted">{t('content.none')}</Tag>;
  return (
    <Tag className="fallback-text">
      <span lang={fallback}>{text![fallback]}</span>{' '}
      <span className="fallback-marker">{t('content.onlyIn', { language: languageName(fallback, i18n.language) })}</span>
    </Tag>
  );
}

/** The plain string (for titles of the document, aria labels): the interface language, else the fallback. */
export function localized(text: Texts, language: string, workingLanguages: readonly string[] = []): string {
  if (text?.[language]) return text[language]!;
  const fallback = [...workingLanguages, ...Object.keys(text ?? {})].find((l) => text?.[l]);
  return fallback ? text![fallback]! : '';
}
