import { useMutation } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { localized } from '../../components/LocalizedText';
import { DateTimeText, personalZone } from '../../components/Time';
import { useBodies } from '../meetings/MeetingsPage';
import { fieldErrors, Refusal } from '../meetings/meeting-bits';
import { filledTexts, TextsFields } from '../meetings/session/session-bits';

interface Props {
  councilId: string;
  languages: readonly string[];
  /** The council's zone: the chosen deadline is shown in it too. */
  zone?: string;
  onCirculated: (message: string) => void;
}

/** A zone's city, for the picker's label. */
const city = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');

/**
 * Circulates a decision in writing: its text in each working language, the silence deadline picked as a date and
 * time of the person's own zone (shown back in their zone and the council's, labelled), and the body it concerns.
 */
export function CirculateForm({ councilId, languages, zone, onCirculated }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const mine = personalZone();
  const bodies = useBodies(councilId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [local, setLocal] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const picked = local ? DateTime.fromISO(local, { zone: mine }) : undefined;
  const deadline = picked?.isValid ? picked.toUTC().toISO()! : undefined;
  const earliest = DateTime.now().setZone(mine).plus({ hours: 1 }).startOf('minute').toFormat("yyyy-MM-dd'T'HH:mm");

  const circulate = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/silence-procedures', {
          params: { path: { councilId } },
          body: {
            text: filledTexts(texts),
            deadline: deadline!,
            ...(bodyId ? { bodyId } : {}),
          },
        }),
      ),
    onSuccess: (p) => {
      setTexts({});
      setLocal('');
      setBodyId('');
      onCirculated(
        t('silence.circulated', {
          text: localized(p.text, i18n.language, languages),
        }),
      );
    },
  });
  const errors = fieldErrors(circulate.error);
  const textError = missing.includes('text') ? t('silence.textRequired') : errors.text;
  const deadlineError = missing.includes('deadline') ? t('silence.deadlineRequired') : errors.deadline;

  return (
    <form
      className="form card silence-circulate"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const gaps = [...(Object.keys(filledTexts(texts)).length === 0 ? ['text'] : []), ...(!deadline ? ['deadline'] : [])];
        setMissing(gaps);
        if (gaps[0] === 'text') first.current?.focus();
        else if (gaps[0] === 'deadline') document.getElementById(`${id}-deadline`)?.focus();
        if (gaps.length === 0 && !circulate.isPending) circulate.mutate();
      }}
    >
      <h2 id={`${id}-title`}>{t('silence.circulateTitle')}</h2>
      <TextsFields
        legend={t('silence.textLegend')}
        labelKey="silence.textIn"
        languages={languages}
        value={texts}
        onChange={setTexts}
        error={textError}
        firstRef={first}
      />
      <div className="field">
        <label htmlFor={`${id}-deadline`}>{t('silence.deadlineLabel', { zone: city(mine) })}</label>
        <input
          id={`${id}-deadline`}
          type="datetime-local"
          min={earliest}
          value={local}
          aria-invalid={deadlineError ? true : undefined}
          aria-describedby={`${id}-deadline-help${deadlineError ? ` ${id}-deadline-error` : ''}`}
          onChange={(e) => setLocal(e.target.value)}
        />
        <p id={`${id}-deadline-help`} className="muted small" aria-live="polite">
          {deadline ? (
            <>
              {t('silence.deadlineIs')} <DateTimeText value={deadline} zone={zone} zoneKind="council" />
            </>
          ) : (
            t('silence.deadlineHelp')
          )}
        </p>
        {deadlineError && (
          <p id={`${id}-deadline-error`} className="field-error">
            {deadlineError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('silence.bodyLabel')}</label>
        <select id={`${id}-body`} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
          <option value="">{t('silence.noBody')}</option>
          {(bodies.data ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      {circulate.error && !errors.text && !errors.deadline ? <Refusal error={circulate.error} zone={zone} /> : null}
      <button type="submit" className="button">
        {t('silence.circulate')}
      </button>
    </form>
  );
}
