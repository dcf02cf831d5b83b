import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { ErrorText, Loading, PageHeading, Unavailable } from '../../components/Page';
import { DateTimeText, PlainDate } from '../../components/Time';
import { type MeetingKind, Refusal, refusal } from '../meetings/meeting-bits';
import { Occurrences } from './Occurrences';
import { type Series, seriesKey, summaryOf } from './summary';
import '../../styles/scheduling.css';

const route = getRouteApi('/signed-in/series/$seriesId');

/** One series (GET …/series/{id}): its rule in words, its occurrences (moved or cancelled one by one), ending it. */
export function SeriesPage() {
  const { t, i18n } = useTranslation();
  const { seriesId } = route.useParams();
  const { membership, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const manages = membership?.role === 'secretariat';
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const series = useQuery({
    queryKey: seriesKey(councilId, seriesId),
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/series/{seriesId}', { params: { path: { councilId: councilId!, seriesId } } })),
  });
  const end = useMutation({
    mutationFn: async (s: Series) =>
      data(
        await api.POST('/councils/{councilId}/series/{seriesId}/end', { params: { path: { councilId: councilId!, seriesId } }, body: { version: s.version } }),
      ),
    onSuccess: (s) => {
      queryClient.setQueryData(seriesKey(councilId, seriesId), s);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['series-list'] });
      setAnnouncement(t('scheduling.series.endedDone'));
    },
    onError: (error) => {
      if (refusal(error)?.code === 'STALE_VERSION') void series.refetch();
    },
  });

  const fallbackTitle = t('scheduling.series.one');
  if (!isLoading && !membership) {
    return <Unavailable title={fallbackTitle}>{t('meetings.noCouncil')}</Unavailable>;
  }
  if (series.isLoading || !councilId) return <Loading />;
  if (series.error || !series.data) {
    return (
      <section>
        <PageHeading title={fallbackTitle}>{fallbackTitle}</PageHeading>
        <ErrorText error={series.error} />
        <p>
          <Link to="/series">{t('scheduling.series.back')}</Link>
        </p>
      </section>
    );
  }
  const s = series.data;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/series">{t('scheduling.series.back')}</Link>
      </p>
      <PageHeading title={s.title}>{s.title}</PageHeading>
      <p className="lead series-rule-text">{summaryOf(t, i18n.language, s, true)}</p>
      <dl className="facts card">
        <div>
          <dt>{t('scheduling.series.status')}</dt>
          <dd>{t(`scheduling.series.statusName.${s.status}`)}</dd>
        </div>
        <div>
          <dt>{t('meetings.colKind')}</dt>
          <dd>{t(`meetings.kind.${s.kind as MeetingKind}`)}</dd>
        </div>
        <div>
          <dt>{t('scheduling.series.firstDate')}</dt>
          <dd>
            <PlainDate value={s.firstDate} />
          </dd>
        </div>
        <div>
          <dt>{t('scheduling.series.duration')}</dt>
          <dd>{t('scheduling.series.minutes', { count: s.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t('meetings.venue')}</dt>
          <dd>{s.venue ?? (s.onlineUrl ? t('meetings.online') : t('meetings.noVenue'))}</dd>
        </div>
        {s.endedAt && (
          <div className="wide">
            <dt>{t('scheduling.series.endedAt')}</dt>
            <dd>
              <DateTimeText value={s.endedAt} zone={s.timeZone} />
            </dd>
          </div>
        )}
      </dl>
      <p role="status" className="announce notice">
        {announcement}
      </p>
      <Refusal error={end.error} zone={s.timeZone} />
      {manages && s.status === 'active' && (
        <section aria-labelledby="end-title">
          <h2 id="end-title">{t('scheduling.series.endTitle')}</h2>
          <p className="muted">{t('scheduling.series.endHelp')}</p>
          <Button className="button button-secondary" isDisabled={end.isPending} onPress={() => end.mutate(s)}>
            {t('scheduling.series.end')}
          </Button>
        </section>
      )}
      <section aria-labelledby="occurrences-title">
        <h2 id="occurrences-title">{t('scheduling.occurrence.title')}</h2>
        <Occurrences councilId={councilId} seriesId={s.id} occurrences={s.occurrences} manages={manages && s.status === 'active'} />
      </section>
    </section>
  );
}

/** The council's series (GET …/series), each by its title and rule, and "New series" for the secretariat. */
export function SeriesListPage() {
  const { t, i18n } = useTranslation();
  const { membership, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const list = useInfiniteQuery({
    queryKey: ['series-list', councilId],
    enabled: councilId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      data(await api.GET('/councils/{councilId}/series', { params: { path: { councilId: councilId! }, query: { limit: 100, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const heading = t('scheduling.series.listTitle');
  if (isLoading) return <Loading />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      {!membership ? (
        <p>{t('meetings.noCouncil')}</p>
      ) : (
        <>
          {membership.role === 'secretariat' && (
            <p>
              <Link to="/series/new" className="button link-button">
                {t('scheduling.series.new')}
              </Link>
            </p>
          )}
          {list.isLoading ? (
            <Loading />
          ) : list.error ? (
            <ErrorText error={list.error} />
          ) : rows.length === 0 ? (
            <p>{t('scheduling.series.none')}</p>
          ) : (
            <ul className="plain-list series-list">
              {rows.map((s) => (
                <li key={s.id} className="card">
                  <Link to="/series/$seriesId" params={{ seriesId: s.id }} className="item-link">
                    {s.title}
                  </Link>
                  <p className="small">
                    {summaryOf(t, i18n.language, s, true)} · {t(`scheduling.series.statusName.${s.status}`)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <Button className="button button-quiet" onPress={() => void list.fetchNextPage()} isDisabled={list.isFetchingNextPage}>
              {t('meetings.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
