import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../../api/client';
import type { Membership } from '../../../app/queries';
import { languageName } from '../../../i18n/i18n';
import { fieldErrors, Refusal } from '../meeting-bits';

export type Decision = Schemas['DecisionResponse'];
export type Objection = Schemas['ObjectionResponse'];
export type Position = Schemas['PositionResponse'];
export type PositionKind = Position['position'];
export type Delegation = Schemas['DelegationResponse'];
export const POSITIONS: readonly PositionKind[] = ['support', 'concern', 'neutral'];

/** How often an open session's decisions (and a silence procedure before its deadline) are read again. */
export const LIVE_INTERVAL_MS = 3_000;

/** The council's delegations (shared with the attendance panel: the same query key). */
export function useDelegations(councilId: string | undefined) {
  return useQuery({
    queryKey: ['delegations', councilId],
    enabled: councilId !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/delegations', {
          params: { path: { councilId: councilId! } },
        }),
      ).items,
  });
}

/** The signed-in delegate's own delegation (with its participant's kind), when they hold a seat. */
export function useOwnDelegation(councilId: string | undefined, membership: Membership | undefined): Delegation | undefined {
  const delegations = useDelegations(membership?.role === 'delegate' ? councilId : undefined);
  if (membership?.role !== 'delegate' || !membership.delegationId) return undefined;
  return delegations.data?.find((d) => d.id === membership.delegationId);
}

/** Keeps only the languages with a non-blank text, trimmed (what the API wants: at least one). */
export const filledTexts = (texts: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(texts)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

interface TextsProps {
  legend: string;
  /** "Text in {{language}}" */
  labelKey: string;
  languages: readonly string[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  error?: string;
  maxLength?: number;
  multiline?: boolean;
  firstRef?: React.Ref<HTMLTextAreaElement & HTMLInputElement>;
}

/** One text field per working language (each with its `lang`), in a fieldset; the error names what is missing. */
export function TextsFields({ legend, labelKey, languages, value, onChange, error, maxLength = 4000, multiline = true, firstRef }: TextsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field plain-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {languages.map((l, i) => {
        const props = {
          id: `${id}-${l}`,
          lang: l,
          maxLength,
          value: value[l] ?? '',
          'aria-invalid': error ? true : undefined,
          ref: i === 0 ? firstRef : undefined,
          onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => onChange({ ...value, [l]: e.target.value }),
        };
        return (
          <div className="field" key={l}>
            <label htmlFor={`${id}-${l}`}>{t(labelKey, { language: languageName(l, i18n.language) })}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
          </div>
        );
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface ReasonProps {
  /** The form's accessible name (e.g. "Object to this decision"). */
  title: string;
  label: string;
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** A reason (required), sent with one button; Escape-free: a Cancel button closes it. */
export function ReasonForm({ title, label, submit, pending, error, onSubmit, onCancel }: ReasonProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const problem = missing ? t('session.reasonRequired') : fieldErrors(error).reason;
  return (
    <form
      className="form inline-form session-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const empty = reason.trim() === '';
        setMissing(empty);
        if (!empty && !pending) onSubmit(reason.trim());
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>{label}</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={2000}
          autoFocus
          value={reason}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem && (
          <p id={`${id}-error`} className="field-error">
            {problem}
          </p>
        )}
      </div>
      {error && !fieldErrors(error).reason ? <Refusal error={error} /> : null}
      <div className="moves">
        <button type="submit" className="button">
          {submit}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('session.cancel')}
        </button>
      </div>
    </form>
  );
}

interface PositionProps {
  title: string;
  current?: Position;
  pending: boolean;
  error: unknown;
  onSubmit: (input: { position: PositionKind; note?: string }) => void;
  onCancel: () => void;
}

/** A consultation position (support, concern, neutral) with an optional note; restating replaces it. */
export function PositionForm({ title, current, pending, error, onSubmit, onCancel }: PositionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [position, setPosition] = useState<PositionKind>(current?.position ?? 'support');
  const [note, setNote] = useState(current?.note ?? '');
  return (
    <form
      className="form inline-form session-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) onSubmit({ position, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-position`}>{t('session.positionLabel')}</label>
        <select id={`${id}-position`} autoFocus value={position} onChange={(e) => setPosition(e.target.value as PositionKind)}>
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(`session.position.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('session.noteLabel')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <Refusal error={error} />
      <div className="moves">
        <button type="submit" className="button">
          {t('session.recordPosition')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('session.cancel')}
        </button>
      </div>
    </form>
  );
}
