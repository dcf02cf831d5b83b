import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { languageName } from '../../../i18n/i18n';
import { type AgendaItem, fieldErrors, Refusal } from '../meeting-bits';

interface Props {
  councilId: string;
  meetingId: string;
  item: AgendaItem;
  languages: readonly string[];
  onUploaded: (message: string) => void;
}

/**
 * Attaches a paper to an item in one working language, or a new version of it (POST …/items/{id}/documents,
 * multipart: language, title, file); the API decides the type by the bytes and says why it refuses one.
 */
export function PaperUpload({ councilId, meetingId, item, languages, onUploaded }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState(item.papersMissing?.[0] ?? languages[0] ?? '');
  const [title, setTitle] = useState('');
  const [missingFile, setMissingFile] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const form = new FormData();
      form.append('language', language);
      if (title.trim()) form.append('title', title.trim());
      form.append('file', chosen);
      return data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items/{itemId}/documents', {
          params: { path: { councilId, meetingId, itemId: item.id } },
          body: form as never,
        }),
      );
    },
    onSuccess: (doc) => {
      setTitle('');
      if (file.current) file.current.value = '';
      onUploaded(
        t('meetings.agenda.paperUploaded', {
          title: doc.title,
          language: languageName(doc.language, i18n.language),
        }),
      );
    },
  });
  const errors = fieldErrors(upload.error);
  const fileError = missingFile ? t('meetings.agenda.fileRequired') : errors.file;
  return (
    <details className="paper-upload">
      <summary>{t('meetings.agenda.attachPaper')}</summary>
      <form
        className="form"
        aria-label={t('meetings.agenda.attachPaperTo', {
          title: localized(item.title, i18n.language, languages),
        })}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = file.current?.files?.[0];
          setMissingFile(!chosen);
          if (!chosen) {
            file.current?.focus();
            return;
          }
          if (!upload.isPending) upload.mutate(chosen);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('meetings.agenda.paperLanguage')}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, i18n.language)}
              </option>
            ))}
          </select>
          {errors.language && <p className="field-error">{errors.language}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('meetings.agenda.paperTitle')}</label>
          <input
            id={`${id}-title`}
            lang={language}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={errors.title ? true : undefined}
          />
          {errors.title && <p className="field-error">{errors.title}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('meetings.agenda.paperFile')}</label>
          <input
            id={`${id}-file`}
            ref={file}
            type="file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
            onChange={() => setMissingFile(false)}
          />
          {fileError && (
            <p id={`${id}-file-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        {upload.error && !errors.file && !errors.title && !errors.language ? <Refusal error={upload.error} /> : null}
        <button type="submit" className="button button-secondary">
          {t('meetings.agenda.upload')}
        </button>
      </form>
    </details>
  );
}
