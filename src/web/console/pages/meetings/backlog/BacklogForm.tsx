import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PurposeField, TitleFields } from '../agenda/ItemFields';
import { api, data, type Schemas } from '../../../api/client';
import { type AgendaItem, fieldErrors, Refusal } from '../meeting-bits';

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
  const { t } = useTranslation();
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
        <TitleFields
          id={id}
          languages={languages}
          titles={form.titles}
          error={titleError}
          firstTitle={firstTitle}
          onChange={(titles) => setForm((f) => ({ ...f, titles }))}
        />
        <PurposeField id={id} value={form.purpose} onChange={(purpose) => setForm((f) => ({ ...f, purpose }))} />
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
