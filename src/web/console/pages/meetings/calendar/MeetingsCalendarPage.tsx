import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { ErrorText, Loading, PageHeading } from '../../../components/Page';
import { personalZone } from '../../../components/Time';
import type { Meeting } from '../meeting-bits';
import { MonthGrid } from './MonthGrid';
import { ViewSwitch } from './ViewSwitch';

const route = getRouteApi('/signed-in/meetings/calendar');
/** Pages of the list read for one month (200 each): a month of a council's meetings fits in far fewer. */
const MAX_PAGES = 5;

/** The month's meetings (GET …/meetings?from&to, by start in the person's zone), every page of them. */
function useMonthMeetings(councilId: string | undefined, month: DateTime) {
  const from = month.startOf('month').toUTC().toISO()!;
  const to = month.endOf('month').plus({ milliseconds: 1 }).toUTC().toISO()!;
  return useQuery({
    queryKey: ['meetings', councilId, 'month', from],
    enabled: councilId !== undefined,
    queryFn: async () => {
      const all: Meeting[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = data(
          await api.GET('/councils/{councilId}/meetings', { params: { path: { councilId: councilId! }, query: { from, to, limit: 200, cursor } } }),
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return all;
    },
  });
}

/**
 * The meetings calendar: a month of the council's meetings (days in the person's zone), previous/next month and
 * "This month" as buttons, the grid navigable by keyboard (see MonthGrid); the month is kept in the address (?month=).
 */
export function MeetingsCalendarPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const zone = personalZone();
  const now = DateTime.now().setZone(zone);
  const month = (search.month ? DateTime.fromISO(`${search.month}-01`, { zone }) : now).startOf('month');
  const [chosenDay, setChosenDay] = useState<string | undefined>();
  const [focusRequest, setFocusRequest] = useState(0);
  const meetings = useMonthMeetings(councilId, month);
  const focusDay =
    chosenDay && DateTime.fromISO(chosenDay, { zone }).hasSame(month, 'month')
      ? chosenDay
      : month.hasSame(now, 'month')
        ? now.toISODate()!
        : month.toISODate()!;

  const goToMonth = (next: DateTime) => void navigate({ search: (s) => ({ ...s, month: next.toFormat('yyyy-MM') }), replace: true });
  const onFocusDay = (day: string, byKey: boolean) => {
    const d = DateTime.fromISO(day, { zone });
    setChosenDay(day);
    if (!d.hasSame(month, 'month')) goToMonth(d.startOf('month'));
    if (byKey) setFocusRequest((n) => n + 1);
  };
  const title = t('meetingCalendar.title');
  const monthName = month.setLocale(i18n.language).toFormat('LLLL yyyy');
  const count = meetings.data?.length ?? 0;

  if (isLoading) return <Loading />;
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <ViewSwitch current="calendar" />
      {!membership ? (
        <p>{t('meetings.noCouncil')}</p>
      ) : (
        <>
          <p className="lead">{t('meetingCalendar.lead', { zone: zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ') })}</p>
          <div className="calendar-bar">
            <Button className="button button-secondary" onPress={() => goToMonth(month.minus({ months: 1 }))}>
              {t('meetingCalendar.previous')}
            </Button>
            <h2 id="calendar-month" className="calendar-month">
              {monthName}
            </h2>
            <Button className="button button-secondary" onPress={() => goToMonth(month.plus({ months: 1 }))}>
              {t('meetingCalendar.next')}
            </Button>
            {!month.hasSame(now, 'month') && (
              <Button className="button button-quiet" onPress={() => goToMonth(now.startOf('month'))}>
                {t('meetingCalendar.thisMonth')}
              </Button>
            )}
          </div>
          <p role="status" aria-live="polite" className="calendar-count">
            {meetings.isLoading ? t('common.loading') : t('meetingCalendar.count', { count, month: monthName })}
          </p>
          <p className="muted small keyboard-help">{t('meetingCalendar.keyboardHelp')}</p>
          {meetings.error && <ErrorText error={meetings.error} />}
          <MonthGrid month={month} focusDay={focusDay} meetings={meetings.data ?? []} onFocusDay={onFocusDay} focusRequest={focusRequest} />
        </>
      )}
    </section>
  );
}
