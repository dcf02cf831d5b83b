import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { ErrorText } from '../../../components/Page';
import { useDebounced, zoneCity } from './zoned';

/** A capital's local time as the API gives it (with that zone's offset), e.g. "Tue 8 Dec, 06:00". */
function LocalTime({ value, language }: { value: string | null; language: string }) {
  if (!value) return <span className="muted">—</span>;
  const dt = DateTime.fromISO(value, { setZone: true });
  return (
    <time dateTime={value}>
      {dt.setLocale(language).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
    </time>
  );
}

/**
 * The proposed time seen from each member state's capital (GET …/meetings/working-hours), asked again once the
 * person has stopped changing the time for a moment; each row says in words whether it falls outside the capital's
 * working hours, and a polite live region sums it up.
 */
export function CapitalsTable({ councilId, start, end }: { councilId: string; start?: string; end?: string }) {
  const { t, i18n } = useTranslation();
  const settled = useDebounced(start && end ? `${start}|${end}` : '', 400);
  const [s, e] = settled ? settled.split('|') : [];
  const ordered = !!s && !!e && new Date(e).getTime() > new Date(s).getTime();
  const check = useQuery({
    queryKey: ['working-hours', councilId, s, e],
    enabled: ordered,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      data(await api.GET('/councils/{councilId}/meetings/working-hours', { params: { path: { councilId }, query: { start: s!, end: e! } } })),
  });
  const rows = ordered ? (check.data?.items ?? []) : [];
  const outside = rows.filter((r) => r.outsideWorkingHours === true);
  const stale = check.isFetching || settled !== (start && end ? `${start}|${end}` : '');

  let summary = '';
  if (!start || !end) summary = t('scheduling.capitals.chooseTime');
  else if (new Date(end).getTime() <= new Date(start).getTime()) summary = t('scheduling.capitals.endBeforeStart');
  else if (check.data && !stale)
    summary =
      outside.length === 0
        ? t('scheduling.capitals.allInside', { hours: check.data.workingHours })
        : t('scheduling.capitals.someOutside', { count: outside.length, names: outside.map((r) => r.name).join(', '), hours: check.data.workingHours });

  return (
    <section aria-labelledby="capitals-title" className="capitals">
      <h2 id="capitals-title">{t('scheduling.capitals.title')}</h2>
      <p className="muted">{t('scheduling.capitals.lead')}</p>
      <p role="status" aria-live="polite" className="notice capitals-summary">
        {summary}
      </p>
      {stale && ordered && <p className="muted small">{t('scheduling.capitals.updating')}</p>}
      {check.error && <ErrorText error={check.error} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="items capitals-table" aria-busy={stale}>
            <caption>{t('scheduling.capitals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scheduling.capitals.colState')}</th>
                <th scope="col">{t('scheduling.capitals.colZone')}</th>
                <th scope="col">{t('scheduling.capitals.colStart')}</th>
                <th scope="col">{t('scheduling.capitals.colEnd')}</th>
                <th scope="col">{t('scheduling.capitals.colHours')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.participantId} className={r.outsideWorkingHours ? 'capital-outside' : undefined}>
                  <th scope="row" data-label={t('scheduling.capitals.colState')}>
                    {r.name}
                    {r.isoCode && <span className="muted"> ({r.isoCode})</span>}
                  </th>
                  <td data-label={t('scheduling.capitals.colZone')}>{r.timeZone ? zoneCity(r.timeZone) : t('scheduling.capitals.noZone')}</td>
                  <td data-label={t('scheduling.capitals.colStart')}>
                    <LocalTime value={r.localStart} language={i18n.language} />
                  </td>
                  <td data-label={t('scheduling.capitals.colEnd')}>
                    <LocalTime value={r.localEnd} language={i18n.language} />
                  </td>
                  <td data-label={t('scheduling.capitals.colHours')} className="capital-flag">
                    {r.outsideWorkingHours === null ? (
                      <span className="muted">{t('scheduling.capitals.unknown')}</span>
                    ) : r.outsideWorkingHours ? (
                      <strong className="flag-outside">
                        <span aria-hidden="true">⚠ </span>
                        {t('scheduling.capitals.outside')}
                      </strong>
                    ) : (
                      <span>{t('scheduling.capitals.inside')}</span>
                    )}
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
