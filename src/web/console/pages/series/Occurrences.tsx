import type { CalendarDateTime } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { DateTimeText, PlainDate } from '../../components/Time';
import { fieldErrors, type Meeting, MeetingStatusText, Refusal } from '../meetings/meeting-bits';
import { DateTimePicker } from '../meetings/planning/pickers';
import { instantToWall, shiftBy, wallToInstant, zoneCity } from '../meetings/planning/zoned';
import { dateWords, type Occurrence, seriesKey } from './summary';

/** The occurrence's own time: start and end in the meeting's zone (the end follows the start), saved with PATCH of the meeting. */
function MoveForm({ councilId, meeting, onDone }: { councilId: string; meeting: Meeting; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const zone = meeting.timeZone;
  const [start, setStart] = useState<CalendarDateTime | null>(instantToWall(meeting.startsAt, zone));
  const [end, setEnd] = useState<CalendarDateTime | null>(instantToWall(meeting.endsAt, zone));
  const save = useMutation({
    mutationFn: async (body: { startsAt: string; endsAt: string }) =>
      data(
        await api.PATCH('/councils/{councilId}/meetings/{meetingId}', {
          params: { path: { councilId, meetingId: meeting.id } },
          body: { version: meeting.version, ...body },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: seriesKey(councilId, meeting.seriesId ?? '') });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone(t('scheduling.occurrence.movedDone', { date: dateWords(meeting.occurrenceDate, i18n.language) }));
    },
  });
  const errors = fieldErrors(save.error);
  const inZone = t('scheduling.plan.inZone', { zone: zoneCity(zone) });
  return (
    <Form
      className="form inline-form occurrence-move"
      aria-label={t('scheduling.occurrence.moveForm', { date: dateWords(meeting.occurrenceDate, i18n.language) })}
      onSubmit={(e) => {
        e.preventDefault();
        const startsAt = start && wallToInstant(start, zone);
        const endsAt = end && wallToInstant(end, zone);
        if (startsAt && endsAt && !save.isPending) save.mutate({ startsAt, endsAt });
      }}
    >
      <DateTimePicker
        label={t('scheduling.plan.start')}
        value={start}
        onChange={(next) => {
          if (next && start && end) setEnd(shiftBy(end, start, next));
          setStart(next);
        }}
        description={inZone}
        error={errors.startsAt}
        isRequired
      />
      <DateTimePicker label={t('scheduling.plan.end')} value={end} onChange={setEnd} description={inZone} error={errors.endsAt} isRequired />
      <Refusal error={save.error} zone={zone} />
      <div className="moves">
        <Button type="submit" className="button" isDisabled={save.isPending}>
          {t('scheduling.occurrence.saveMove')}
        </Button>
        <Button className="button button-secondary" onPress={() => onDone('')}>
          {t('scheduling.occurrence.keep')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * A series' occurrences by date: when each starts (both zones), its status, whether it keeps the rule's time, a link
 * to its meeting; the secretariat moves one (its own time) or cancels one (the meeting's transition to cancelled).
 */
export function Occurrences({
  councilId,
  seriesId,
  occurrences,
  manages,
}: {
  councilId: string;
  seriesId: string;
  occurrences: Occurrence[];
  manages: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const cancel = useMutation({
    mutationFn: async (m: Meeting) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/transitions', {
          params: { path: { councilId, meetingId: m.id } },
          body: { to: 'cancelled', version: m.version },
        }),
      ),
    onSuccess: async (m) => {
      await queryClient.invalidateQueries({ queryKey: seriesKey(councilId, seriesId) });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      setAnnouncement(t('scheduling.occurrence.cancelledDone', { date: dateWords(m.occurrenceDate, i18n.language) }));
    },
  });
  const done = (message: string) => {
    setMoving(undefined);
    setAnnouncement(message);
  };
  if (occurrences.length === 0) return <p>{t('scheduling.occurrence.none')}</p>;
  return (
    <>
      <p role="status" className="announce notice">
        {announcement}
      </p>
      <Refusal error={cancel.error} />
      <ol className="plain-list occurrences" aria-label={t('scheduling.occurrence.list', { count: occurrences.length })}>
        {occurrences.map((o) => {
          const m = o.meeting;
          const canCancel = manages && m.allowedTransitions.includes('cancelled');
          const canMove = manages && (m.status === 'draft' || m.status === 'convened' || m.status === 'postponed');
          return (
            <li key={o.occurrenceDate} className="occurrence card" aria-labelledby={`occ-${o.occurrenceDate}`}>
              <h3 id={`occ-${o.occurrenceDate}`}>
                <PlainDate value={o.occurrenceDate} />
              </h3>
              <p>
                <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
                  {m.title}
                </Link>{' '}
                · <MeetingStatusText status={m.status} />
                {o.moved && <span className="badge">{t('scheduling.occurrence.moved')}</span>}
              </p>
              <p className="small">
                <DateTimeText value={m.startsAt} zone={m.timeZone} zoneKind="meeting" />
              </p>
              {o.moved && (
                <p className="small muted">
                  {t('scheduling.occurrence.ruleTime')} <DateTimeText value={o.ruleStartsAt} zone={m.timeZone} zoneKind="meeting" />
                </p>
              )}
              {(canMove || canCancel) && moving !== m.id && (
                <div className="moves">
                  {canMove && (
                    <Button
                      className="button button-secondary"
                      onPress={() => setMoving(m.id)}
                      aria-label={t('scheduling.occurrence.moveOne', { date: dateWords(o.occurrenceDate, i18n.language) })}
                    >
                      {t('scheduling.occurrence.move')}
                    </Button>
                  )}
                  {canCancel && (
                    <Button
                      className="button button-secondary"
                      isDisabled={cancel.isPending}
                      onPress={() => cancel.mutate(m)}
                      aria-label={t('scheduling.occurrence.cancelOne', { date: dateWords(o.occurrenceDate, i18n.language) })}
                    >
                      {t('scheduling.occurrence.cancel')}
                    </Button>
                  )}
                </div>
              )}
              {moving === m.id && <MoveForm councilId={councilId} meeting={m} onDone={done} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}
