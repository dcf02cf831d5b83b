import { Link } from '@tanstack/react-router';
import { DateTime, Info } from 'luxon';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalZone } from '../../../components/Time';
import type { Meeting } from '../meeting-bits';
import { zoneCity } from '../planning/zoned';

interface Props {
  /** The month shown: its first day, in the person's zone. */
  month: DateTime;
  /** The day with the grid's focus stop (ISO date), in the shown month. */
  focusDay: string;
  meetings: Meeting[];
  /** Another day takes the focus stop (maybe in another month); `byKey`: asked with the keyboard (the focus follows). */
  onFocusDay: (day: string, byKey: boolean) => void;
  /** Changes with each key press in the grid: the focus then goes to `focusDay` once rendered. */
  focusRequest: number;
}

/** A meeting's start in the person's zone, and in the meeting's when that differs ("10:00 · 09:00 Guatemala"). */
function MeetingTime({ meeting, language }: { meeting: Meeting; language: string }) {
  const { t } = useTranslation();
  const mine = personalZone();
  const start = DateTime.fromISO(meeting.startsAt);
  const at = (zone: string) => start.setZone(zone).setLocale(language).toLocaleString(DateTime.TIME_24_SIMPLE);
  return (
    <span className="calendar-time">
      {t('meetingCalendar.yourTime', { time: at(mine) })}
      {meeting.timeZone !== mine && (
        <span className="muted"> · {t('meetingCalendar.meetingTime', { time: at(meeting.timeZone), zone: zoneCity(meeting.timeZone) })}</span>
      )}
    </span>
  );
}

const visible = (el: Element | null) => !!el && (el as HTMLElement).getClientRects().length > 0;

const NARROW = '(max-width: 40rem)';

/** Whether the screen is narrow (the calendar is an agenda then), following changes of the window's width. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const follow = () => setNarrow(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return narrow;
}

/**
 * A month as a grid of weeks (Monday first), each day a focus stop with its meetings as links to their pages; arrows
 * move by day and week, Home/End to the week's ends, Page Up/Down by month (with Shift by year), Tab into a day's
 * links. On a narrow screen it is an agenda: only the days that have meetings, one under the other (arrows then go
 * to the previous or next day shown).
 */
export function MonthGrid({ month, focusDay, meetings, onFocusDay, focusRequest }: Props) {
  const { t, i18n } = useTranslation();
  const grid = useRef<HTMLTableElement>(null);
  const language = i18n.language;
  const byDay = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const day = DateTime.fromISO(m.startsAt).setZone(personalZone()).toISODate()!;
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const first = month.startOf('month');
  const gridStart = first.minus({ days: first.weekday - 1 });
  const cells = Math.ceil((first.weekday - 1 + month.daysInMonth!) / 7) * 7;
  const weeks: DateTime[][] = [];
  for (let i = 0; i < cells; i++) {
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push(gridStart.plus({ days: i }));
  }
  // The agenda of narrow screens shows only days with meetings: the focus stop is then the first such day from the chosen one.
  const narrow = useNarrow();
  const busyDays = [...byDay.keys()].filter((d) => d.startsWith(month.toFormat('yyyy-MM'))).sort();
  const stop = narrow && !byDay.has(focusDay) ? (busyDays.find((d) => d >= focusDay) ?? busyDays[busyDays.length - 1] ?? focusDay) : focusDay;
  const long = Info.weekdays('long', { locale: language });
  const short = Info.weekdays('short', { locale: language });

  useEffect(() => {
    if (focusRequest === 0) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-day="${focusDay}"]`);
    if (cell && visible(cell)) cell.focus();
  }, [focusDay, focusRequest]);

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, day: DateTime) => {
    if (e.target !== e.currentTarget) return;
    let step: { days?: number; months?: number; years?: number } | undefined;
    if (e.key === 'ArrowLeft') step = { days: -1 };
    else if (e.key === 'ArrowRight') step = { days: 1 };
    else if (e.key === 'ArrowUp') step = { days: -7 };
    else if (e.key === 'ArrowDown') step = { days: 7 };
    else if (e.key === 'Home') step = { days: 1 - day.weekday };
    else if (e.key === 'End') step = { days: 7 - day.weekday };
    else if (e.key === 'PageUp') step = e.shiftKey ? { years: -1 } : { months: -1 };
    else if (e.key === 'PageDown') step = e.shiftKey ? { years: 1 } : { months: 1 };
    if (!step) return;
    e.preventDefault();
    let target = day.plus(step);
    // The agenda (narrow screens) shows only days with meetings: go on to the next one shown, in that direction.
    const dayCell = (d: DateTime) => grid.current?.querySelector(`[data-day="${d.toISODate()}"]`) ?? null;
    if (step.days && !visible(dayCell(target)) && dayCell(target) !== null) {
      const dir = Math.sign(step.days);
      let probe = day.plus({ days: dir });
      while (probe.hasSame(day, 'month') && !visible(dayCell(probe))) probe = probe.plus({ days: dir });
      if (!probe.hasSame(day, 'month')) return;
      target = probe;
    }
    onFocusDay(target.toISODate()!, true);
  };

  return (
    <table ref={grid} role="grid" className="month-grid" aria-labelledby="calendar-month">
      <thead>
        <tr>
          {short.map((name, i) => (
            <th key={name} scope="col" abbr={long[i]}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.toISODate()}>
            {week.map((day) => {
              const iso = day.toISODate()!;
              const inMonth = day.hasSame(month, 'month');
              const list = inMonth ? (byDay.get(iso) ?? []) : [];
              const isToday = day.hasSame(DateTime.now().setZone(personalZone()), 'day');
              return (
                <td
                  key={iso}
                  role="gridcell"
                  data-day={iso}
                  tabIndex={iso === stop ? 0 : -1}
                  aria-current={isToday ? 'date' : undefined}
                  className={`day${inMonth ? '' : ' day-outside'}${list.length ? ' day-busy' : ''}${isToday ? ' day-today' : ''}`}
                  onKeyDown={(e) => onKey(e, day)}
                  onFocus={(e) => {
                    if (e.target === e.currentTarget && iso !== focusDay && inMonth) onFocusDay(iso, false);
                  }}
                >
                  <span className="day-number" aria-hidden="true">
                    {day.day}
                  </span>
                  <span className="day-full">
                    {day.setLocale(language).toLocaleString(DateTime.DATE_HUGE)}
                    {isToday && ` (${t('meetingCalendar.today')})`}
                    {inMonth && list.length > 0 && <span className="visually-hidden">, {t('meetingCalendar.meetingsOnDay', { count: list.length })}</span>}
                  </span>
                  {list.length > 0 && (
                    <ul className="day-meetings">
                      {list.map((m) => (
                        <li key={m.id} className={m.status === 'cancelled' ? 'meeting-cancelled' : undefined}>
                          <MeetingTime meeting={m} language={language} />{' '}
                          <Link to="/meetings/$meetingId" params={{ meetingId: m.id }} className="calendar-link">
                            {m.title}
                          </Link>
                          {m.status === 'cancelled' && <span className="muted"> ({t('meetings.status.cancelled')})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
