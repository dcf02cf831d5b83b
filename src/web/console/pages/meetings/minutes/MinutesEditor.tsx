import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { languageName } from '../../../i18n/i18n';
import { fieldErrors, Refusal } from '../meeting-bits';
import { type Minutes, nonBlank } from './minutes-api';

type PerLanguage = Record<string, string>;

interface Props {
  councilId: string;
  minutes: Minutes;
  onSaved: (m: Minutes) => void;
}

/** Each working language's texts filled in ('' where there is none), for the form's fields. */
const filled = (texts: Record<string, string> | undefined, languages: readonly string[]): PerLanguage =>
  Object.fromEntries(languages.map((l) => [l, texts?.[l] ?? '']));

/**
 * The minutes' editable texts: the notes and each agenda item's summary, in one working language at a
 * time (chosen above the fields; what is typed in the others is kept until saved). Saving sends every
 * language (PATCH …/minutes with the version read); a blank text leaves that language without one.
 */
export function MinutesEditor({ councilId, minutes, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const languages = minutes.content.languages;
  const [language, setLanguage] = useState(languages.includes(i18n.language) ? i18n.language : (languages[0] ?? 'en'));
  const [notes, setNotes] = useState<PerLanguage>(() => filled(minutes.content.notes, languages));
  const [summaries, setSummaries] = useState<Record<string, PerLanguage>>(() =>
    Object.fromEntries(minutes.content.items.map((item) => [item.agendaItemId, filled(item.summary, languages)])),
  );
  const [seenVersion, setSeenVersion] = useState(minutes.version);
  // Minutes changed elsewhere (a reload after a conflict): the fields start again from them.
  if (seenVersion !== minutes.version) {
    setSeenVersion(minutes.version);
    setNotes(filled(minutes.content.notes, languages));
    setSummaries(Object.fromEntries(minutes.content.items.map((item) => [item.agendaItemId, filled(item.summary, languages)])));
  }

  const save = useMutation({
    mutationFn: async () =>
      data(
        await api.PATCH('/councils/{councilId}/meetings/{meetingId}/minutes', {
          params: { path: { councilId, meetingId: minutes.meetingId } },
          body: {
            version: minutes.version,
            notes: nonBlank(notes),
            items: minutes.content.items.map((item) => ({ agendaItemId: item.agendaItemId, summary: nonBlank(summaries[item.agendaItemId] ?? {}) })),
          },
        }),
      ),
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  const name = languageName(language, i18n.language);

  return (
    <Form
      className="form card minutes-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{t('minutes.editTitle')}</h3>
      {minutes.status === 'circulated' && <p className="muted small">{t('minutes.editAfterCirculation')}</p>}
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('minutes.editLanguage')}</label>
        <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <ol className="minutes-items">
        {minutes.content.items.map((item) => {
          const fieldId = `${id}-item-${item.agendaItemId}`;
          const title = localized(item.title, language, languages);
          return (
            <li key={item.agendaItemId}>
              <div className="field">
                <label htmlFor={fieldId}>{t('minutes.summaryLabel', { position: item.position, title, language: name })}</label>
                <textarea
                  id={fieldId}
                  lang={language}
                  rows={4}
                  maxLength={10_000}
                  value={summaries[item.agendaItemId]?.[language] ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    setSummaries((s) => ({ ...s, [item.agendaItemId]: { ...s[item.agendaItemId], [language]: value } }));
                  }}
                />
              </div>
              {item.decisions.length > 0 && (
                <ul className="minutes-decisions small">
                  {item.decisions.map((d) => (
                    <li key={d.decisionId}>
                      {localized(d.text, language, languages)}{' '}
                      <span className="muted">({d.outcome ? t(`minutes.outcome.${d.outcome}`) : t('minutes.outcome.open')})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('minutes.notesLabel', { language: name })}</label>
        <textarea
          id={`${id}-notes`}
          lang={language}
          rows={4}
          maxLength={20_000}
          value={notes[language] ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            setNotes((n) => ({ ...n, [language]: value }));
          }}
        />
      </div>
      {Object.keys(errors).length > 0 && (
        <ul className="field-error">
          {Object.entries(errors).map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      <Button type="submit" className="button">
        {t('minutes.save')}
      </Button>
      <Refusal error={save.error} />
    </Form>
  );
}
