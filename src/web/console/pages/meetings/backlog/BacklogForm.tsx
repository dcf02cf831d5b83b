import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../../api/client';
import { languageName } from '../../../i18n/i18n';
import { type AgendaItem, fieldErrors, PURPOSES, Refusal } from '../meeting-bits';

interface Props {
  councilId: string;
  bodyId: string;
  languages: readonly string[];
  onAdded: (item: Schemas['BacklogItemResponse']) => void;
}

const empty = () => ({
  titles: {} as Record<string, string>,
  purpose: 'discussion' as AgendaItem['purpose'],
  description: '',
});

/** Proposes an item for a future meeting of the body (POST …/backlog): the title in one working language at least, purpose, why. */
export function BacklogForm({ councilId, bodyId, languages, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(empty);
  const [missingTitle, setMissingTitle] = useState(false);
  const firstTitle = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/bodies/{bodyId}/backlog', {
          params: { path: { councilId, bodyId } },
          body: {
            title: Object.fromEntries(
              Object.entries(form.titles)
                .filter(([, v]) => v.trim() !== '')
                .map(([k, v]) => [k, v.trim()]),
            ),
            purpose: form.purpose,
            ...(form.description.trim() ? { description: form.description.trim() } : {}),
          },
        }),
      ),
    onSuccess: (item) => {
      setForm(empty());
      onAdded(item);
      firstTitle.current?.focus();
    },
  });
  const errors = fieldErrors(add.error);
  const titleError = missingTitle ? t('meetings.agenda.titleRequired') : errors.title;
  return (
    <details className="backlog-add">
      <summary>{t('backlog.addTitle')}</summary>
      <form
        className="form card"
        aria-label={t('backlog.addTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const none = !Object.values(form.titles).some((v) => v.trim() !== '');
          setMissingTitle(none);
          if (none) {
            firstTitle.current?.focus();
            return;
          }
          if (!add.isPending) add.mutate();
        }}
      >
        <fieldset className="field plain-fieldset" aria-describedby={titleError ? `${id}-title-error` : undefined}>
          <legend>{t('meetings.agenda.titlesLegend')}</legend>
          {languages.map((l, i) => (
            <div className="field" key={l}>
              <label htmlFor={`${id}-t-${l}`}>
                {t('meetings.agenda.titleIn', {
                  language: languageName(l, i18n.language),
                })}
              </label>
              <input
                id={`${id}-t-${l}`}
                ref={i === 0 ? firstTitle : undefined}
                lang={l}
                maxLength={300}
                value={form.titles[l] ?? ''}
                aria-invalid={titleError ? true : undefined}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    titles: { ...f.titles, [l]: e.target.value },
                  }))
                }
              />
            </div>
          ))}
          {titleError && (
            <p id={`${id}-title-error`} className="field-error">
              {titleError}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('meetings.agenda.purpose')}</label>
          <select
            id={`${id}-purpose`}
            value={form.purpose}
            onChange={(e) =>
              setForm((f) => ({
                ...f,
                purpose: e.target.value as AgendaItem['purpose'],
              }))
            }
          >
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`meetings.agenda.purposes.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-why`}>{t('backlog.description')}</label>
          <textarea
            id={`${id}-why`}
            rows={3}
            maxLength={5000}
            value={form.description}
            aria-invalid={errors.description ? true : undefined}
            onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))}
          />
          {errors.description && <p className="field-error">{errors.description}</p>}
        </div>
        {add.error && !errors.title && !errors.description ? <Refusal error={add.error} /> : null}
        <button type="submit" className="button">
          {t('backlog.add')}
        </button>
      </form>
    </details>
  );
}
