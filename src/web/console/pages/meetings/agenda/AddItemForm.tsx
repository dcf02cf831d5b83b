import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PurposeField, TitleFields } from './ItemFields';
import { api, data, type Schemas } from '../../../api/client';
import { type Agenda, type AgendaItem, fieldErrors, type Meeting, Refusal, refusal } from '../meeting-bits';
import { type Participant, useNow } from './agenda-data';
import { AwaitingAcceptance } from './AwaitingAcceptance';

export type NewItem = Schemas['CreateAgendaItemDto'];

interface Props {
  councilId: string;
  meeting: Meeting;
  agenda: Agenda;
  languages: readonly string[];
  participants: Participant[];
  isChair: boolean;
  onAdded: (item: AgendaItem) => void;
}

const empty = () => ({
  titles: {} as Record<string, string>,
  purpose: 'discussion' as AgendaItem['purpose'],
  presenter: '',
  minutes: '',
  permanent: false,
});

/**
 * Adds an item at the end of the agenda: the title in each working language (one at least), purpose, presenter,
 * duration. Once the agenda is circulated the item is supplementary; after the supplementary deadline the API
 * refuses it (its reason shown) and the item waits on this page for the chair's acceptance ("Accept", the chair only).
 */
export function AddItemForm({ councilId, meeting, agenda, languages, participants, isChair, onAdded }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const meetingId = meeting.id;
  const [form, setForm] = useState(empty);
  const [missingTitle, setMissingTitle] = useState(false);
  const [awaiting, setAwaiting] = useState<{
    body: NewItem;
    reason: unknown;
  } | null>(null);
  const firstTitle = useRef<HTMLInputElement>(null);
  const now = useNow();
  const post = async (body: NewItem) =>
    data(await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items', { params: { path: { councilId, meetingId } }, body }));
  const add = useMutation({
    mutationFn: post,
    onSuccess: (item) => {
      setForm(empty());
      onAdded(item);
      firstTitle.current?.focus();
    },
    onError: (error, body) => {
      // Past the supplementary deadline: the item waits for the chair's acceptance.
      if (refusal(error)?.code === 'SUPPLEMENTARY_DEADLINE_PASSED') {
        setAwaiting({ body, reason: error });
        setForm(empty());
      }
    },
  });
  const body = (): NewItem => {
    const title = Object.fromEntries(
      Object.entries(form.titles)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    const minutes = Number.parseInt(form.minutes, 10);
    return {
      title,
      purpose: form.purpose,
      concernsPermanentParticipants: form.permanent,
      acceptedByChair: false,
      ...(form.presenter ? { presenterParticipantId: form.presenter } : {}),
      ...(Number.isFinite(minutes) ? { minutesAllotted: minutes } : {}),
    };
  };
  // A refusal for the deadline is shown with the item awaiting the chair, not under the form.
  const formError = refusal(add.error)?.code === 'SUPPLEMENTARY_DEADLINE_PASSED' ? null : add.error;
  const errors = fieldErrors(formError);
  const titleError = missingTitle ? t('meetings.agenda.titleRequired') : errors.title;
  const circulated = agenda.status !== 'draft';
  const deadlinePassed = circulated && agenda.supplementaryDeadline !== null && Date.parse(agenda.supplementaryDeadline) < now;
  return (
    <>
      {awaiting && (
        <AwaitingAcceptance
          item={awaiting.body}
          reason={awaiting.reason}
          zone={meeting.timeZone}
          languages={languages}
          isChair={isChair}
          accept={() => post({ ...awaiting.body, acceptedByChair: true })}
          onAccepted={(item) => {
            setAwaiting(null);
            onAdded(item);
          }}
          onDiscard={() => {
            setAwaiting(null);
            firstTitle.current?.focus();
          }}
        />
      )}
      <form
        className="form card add-item"
        aria-labelledby={`${id}-title`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const none = !Object.values(form.titles).some((v) => v.trim() !== '');
          setMissingTitle(none);
          if (none) {
            firstTitle.current?.focus();
            return;
          }
          if (!add.isPending) add.mutate(body());
        }}
      >
        <h3 id={`${id}-title`}>{t('meetings.agenda.addTitle')}</h3>
        {circulated && (
          <p className="muted small supplementary-note">
            {deadlinePassed ? t(isChair ? 'agenda.supplementary.lateChair' : 'agenda.supplementary.late') : t('agenda.supplementary.note')}
          </p>
        )}
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
          <label htmlFor={`${id}-presenter`}>{t('meetings.agenda.presenter')}</label>
          <select id={`${id}-presenter`} value={form.presenter} onChange={(e) => setForm((f) => ({ ...f, presenter: e.target.value }))}>
            <option value="">{t('meetings.agenda.noPresenter')}</option>
            {participants
              .filter((p) => p.status === 'active')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
          {errors.presenterParticipantId && <p className="field-error">{errors.presenterParticipantId}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{t('meetings.agenda.durationLabel')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={form.minutes}
            aria-invalid={errors.minutesAllotted ? true : undefined}
            onChange={(e) => setForm((f) => ({ ...f, minutes: e.target.value }))}
          />
          {errors.minutesAllotted && <p className="field-error">{errors.minutesAllotted}</p>}
        </div>
        <div className="field">
          <label className="checkbox-native">
            <input type="checkbox" checked={form.permanent} onChange={(e) => setForm((f) => ({ ...f, permanent: e.target.checked }))} />{' '}
            {t('meetings.agenda.permanent')}
          </label>
        </div>
        {formError && !errors.title && !errors.minutesAllotted && !errors.presenterParticipantId ? <Refusal error={formError} /> : null}
        <button type="submit" className="button">
          {t('meetings.agenda.add')}
        </button>
      </form>
    </>
  );
}
