import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { ErrorText, Loading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';

export type Entry = Schemas['PresidencyEntryResponse'];
export type Calendar = Schemas['PresidencyCalendarResponse'];

/** How many entries after the current term the calendar shows (recorded, then projected by the rotation). */
const UPCOMING = 6;

/** The public presidency calendar (GET …/presidency/calendar): anyone may read it, signed in or not. */
export function usePresidencyCalendar(councilId: string | undefined) {
  return useQuery({
    queryKey: ['presidency-calendar', councilId],
    enabled: councilId !== undefined,
    queryFn: async () =>
      data(await api.GET('/councils/{councilId}/presidency/calendar', { params: { path: { councilId: councilId! }, query: { upcoming: UPCOMING } } })),
  });
}

/** The holder's name (with its ISO code), or "to be designated" for a projected term nobody holds yet. */
export function HolderName({ entry }: { entry: Entry | null | undefined }) {
  const { t } = useTranslation();
  if (!entry) return <span className="muted">{t('presidency.nobody')}</span>;
  if (!entry.holderName) return <span>{t('presidency.toBeDesignated')}</span>;
  return (
    <span>
      {entry.holderName}
      {entry.isoCode && <span className="muted"> ({entry.isoCode})</span>}
    </span>
  );
}

/** A term's dates: from its start to its end, in the person's zone and the council's. */
export function TermDates({ entry, zone }: { entry: { startsAt: string; endsAt: string }; zone?: string }) {
  const { t } = useTranslation();
  return (
    <span className="term-dates">
      <span>
        {t('presidency.from')} <DateTimeText value={entry.startsAt} zone={zone} dateOnly />
      </span>{' '}
      <span>
        {t('presidency.until')} <DateTimeText value={entry.endsAt} zone={zone} dateOnly />
      </span>
    </span>
  );
}

/** The troika in words: the previous, current and next holders (the next one may be projected). */
export function Troika({ calendar, zone }: { calendar: Calendar; zone?: string }) {
  const { t } = useTranslation();
  const { previous, current, next } = calendar.troika;
  return (
    <section aria-labelledby="troika-title" className="card">
      <h2 id="troika-title">{t('presidency.troika')}</h2>
      <p className="current-holder">
        {current ? (
          <>
            {t('presidency.currentHolder')} <strong>{current.holderName ?? t('presidency.toBeDesignated')}</strong>
          </>
        ) : (
          t('presidency.noCurrent')
        )}
      </p>
      <dl className="facts troika">
        <div>
          <dt>{t('presidency.previous')}</dt>
          <dd>
            <HolderName entry={previous} />
          </dd>
        </div>
        <div>
          <dt>{t('presidency.current')}</dt>
          <dd>
            <HolderName entry={current} />
            {current && (
              <p className="small">
                <TermDates entry={current} zone={zone} />
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('presidency.next')}</dt>
          <dd>
            <HolderName entry={next} />
            {next?.projected && <span className="badge badge-projected">{t('presidency.projected')}</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}

type Row = Entry & { when: 'past' | 'current' | 'upcoming' };

/** Every term: past, current and next ones (recorded, then projected under the rotation policy), as a table. */
export function CalendarTable({ calendar, zone }: { calendar: Calendar; zone?: string }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    ...calendar.past.map((e) => ({ ...e, when: 'past' as const })),
    ...(calendar.current ? [{ ...calendar.current, when: 'current' as const }] : []),
    ...calendar.upcoming.map((e) => ({ ...e, when: 'upcoming' as const })),
  ];
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('presidency.calendar')}</h2>
      <p className="muted">{t(calendar.rotationPolicy === 'designated' ? 'presidency.policyDesignated' : 'presidency.policyRotation')}</p>
      {rows.length === 0 ? (
        <p>{t('presidency.noTerms')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items calendar">
            <caption>{t('presidency.calendarCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('presidency.colHolder')}</th>
                <th scope="col">{t('presidency.colTerm')}</th>
                <th scope="col">{t('presidency.colWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.startsAt}-${r.id ?? 'projected'}`}
                  className={r.when === 'current' ? 'row-current' : undefined}
                  aria-current={r.when === 'current' ? 'true' : undefined}
                >
                  <td data-label={t('presidency.colHolder')}>
                    <HolderName entry={r} />
                  </td>
                  <td data-label={t('presidency.colTerm')}>
                    <TermDates entry={r} zone={zone} />
                  </td>
                  <td data-label={t('presidency.colWhen')}>
                    {t(`presidency.when.${r.when}`)}
                    {r.projected && <span className="badge badge-projected">{t('presidency.projected')}</span>}
                    {r.source === 'extension' && <span className="badge">{t('presidency.extended')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The troika and the calendar of a council, as the public sees them. */
export function PublicCalendar({ councilId, zone }: { councilId: string; zone?: string }) {
  const calendar = usePresidencyCalendar(councilId);
  if (calendar.isLoading) return <Loading />;
  if (!calendar.data) return <ErrorText error={calendar.error} />;
  return (
    <>
      <Troika calendar={calendar.data} zone={zone} />
      <CalendarTable calendar={calendar.data} zone={zone} />
    </>
  );
}
