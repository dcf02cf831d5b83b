import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { type AgendaItem, type Meeting, type MeetingStatus, Refusal } from '../meeting-bits';
import { useLaterMeetings } from './agenda-data';

/** Where an item went: the meeting it was carried to. */
export interface Carried {
  meetingId: string;
  title: string;
}

/** Meetings in session or held: their unfinished items can be carried to the next meeting (the API's rule). */
const HELD: readonly MeetingStatus[] = ['in_session', 'closed', 'minutes_circulated', 'minutes_approved'];

/** "Carried to: <meeting>", a link to that meeting's page. */
export function CarriedTo({ carried }: { carried: Carried }) {
  const { t } = useTranslation();
  return (
    <p className="carried-to">
      {t('agenda.carry.carriedTo')}{' '}
      <Link to="/meetings/$meetingId" params={{ meetingId: carried.meetingId }}>
        {carried.title}
      </Link>
    </p>
  );
}

/** A meeting as an option: its title and its start (the meeting's own zone). */
function optionText(m: Meeting, language: string) {
  const start = DateTime.fromISO(m.startsAt).setZone(m.timeZone).setLocale(language).toLocaleString(DateTime.DATE_MED);
  return `${m.title} (${start})`;
}

/**
 * Carries one item of a circulated agenda to a later meeting of the same body (POST …/items/{id}/carry-forward):
 * the next one is chosen first; the item there follows that agenda's rules (the API says why it refuses).
 */
export function CarryItem({
  councilId,
  meeting,
  item,
  languages,
  onCarried,
}: {
  councilId: string;
  meeting: Meeting;
  item: AgendaItem;
  languages: readonly string[];
  onCarried: (carried: Carried) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [opened, setOpened] = useState(false);
  const later = useLaterMeetings(councilId, meeting, opened);
  const [chosen, setChosen] = useState('');
  const target = chosen || later.data?.[0]?.id || '';
  const queryClient = useQueryClient();
  const carry = useMutation({
    mutationFn: async (toMeetingId: string) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items/{itemId}/carry-forward', {
          params: {
            path: { councilId, meetingId: meeting.id, itemId: item.id },
          },
          body: { version: item.version, toMeetingId },
        }),
      ),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({
        queryKey: ['agenda', councilId, copy.meetingId],
      });
      onCarried({
        meetingId: copy.meetingId,
        title: later.data?.find((m) => m.id === copy.meetingId)?.title ?? t('agenda.carry.laterMeeting'),
      });
    },
  });
  return (
    <details className="carry-forward" onToggle={(e) => setOpened((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('agenda.carry.one')}</summary>
      {later.isLoading ? (
        <p className="muted">{t('agenda.carry.looking')}</p>
      ) : later.data && later.data.length === 0 ? (
        <p>{t('agenda.carry.noLater')}</p>
      ) : (
        <form
          className="form"
          aria-label={t('agenda.carry.oneOf', {
            title: localized(item.title, i18n.language, languages),
          })}
          onSubmit={(e) => {
            e.preventDefault();
            if (target && !carry.isPending) carry.mutate(target);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('agenda.carry.to')}</label>
            <select id={`${id}-to`} value={target} onChange={(e) => setChosen(e.target.value)}>
              {(later.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {optionText(m, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <Refusal error={carry.error ?? later.error} zone={meeting.timeZone} />
          <button type="submit" className="button button-secondary">
            {t('agenda.carry.submit')}
          </button>
        </form>
      )}
    </details>
  );
}

/**
 * Carries the unfinished items (open or undecided) of a meeting in session or held to the next meeting of the body
 * (POST …/agenda/carry-forward; the API picks the meeting), and names where they went.
 */
export function CarryAll({ councilId, meeting, onCarried }: { councilId: string; meeting: Meeting; onCarried: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<(Carried & { count: number }) | null>(null);
  const carry = useMutation({
    mutationFn: async () => {
      const moved = data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/carry-forward', {
          params: { path: { councilId, meetingId: meeting.id } },
          body: {},
        }),
      );
      const next = data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}', {
          params: { path: { councilId, meetingId: moved.toMeetingId } },
        }),
      );
      return {
        meetingId: next.id,
        title: next.title,
        count: moved.items.length,
      };
    },
    onSuccess: (carried) => {
      setResult(carried);
      void queryClient.invalidateQueries({
        queryKey: ['agenda', councilId, carried.meetingId],
      });
      onCarried(
        t('agenda.carry.carriedAll', {
          count: carried.count,
          meeting: carried.title,
        }),
      );
    },
  });
  if (!HELD.includes(meeting.status)) return null;
  return (
    <div className="carry-all">
      <Button className="button button-secondary" onPress={() => !carry.isPending && carry.mutate()}>
        {t('agenda.carry.all')}
      </Button>
      <Refusal error={carry.error} zone={meeting.timeZone} />
      {result && <CarriedTo carried={result} />}
    </div>
  );
}
