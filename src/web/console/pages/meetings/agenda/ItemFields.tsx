import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../i18n/i18n';
import { type AgendaItem, PURPOSES } from '../meeting-bits';

/** An item's title in each working language (agenda items and backlog items alike), with the API's error on the titles. */
export function TitleFields({
  id,
  languages,
  titles,
  error,
  firstTitle,
  onChange,
}: {
  id: string;
  languages: readonly string[];
  titles: Record<string, string>;
  error?: string;
  firstTitle?: RefObject<HTMLInputElement | null>;
  onChange: (titles: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="field plain-fieldset" aria-describedby={error ? `${id}-title-error` : undefined}>
      <legend>{t('meetings.agenda.titlesLegend')}</legend>
      {languages.map((l, i) => (
        <div className="field" key={l}>
          <label htmlFor={`${id}-t-${l}`}>{t('meetings.agenda.titleIn', { language: languageName(l, i18n.language) })}</label>
          <input
            id={`${id}-t-${l}`}
            ref={i === 0 ? firstTitle : undefined}
            lang={l}
            maxLength={300}
            value={titles[l] ?? ''}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...titles, [l]: e.target.value })}
          />
        </div>
      ))}
      {error && (
        <p id={`${id}-title-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** What an item is for (information, discussion, decision…). */
export function PurposeField({ id, value, onChange }: { id: string; value: AgendaItem['purpose']; onChange: (purpose: AgendaItem['purpose']) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`${id}-purpose`}>{t('meetings.agenda.purpose')}</label>
      <select id={`${id}-purpose`} value={value} onChange={(e) => onChange(e.target.value as AgendaItem['purpose'])}>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`meetings.agenda.purposes.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
