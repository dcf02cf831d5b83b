import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { ErrorText, Loading, PageHeading, Unavailable } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { ViewSwitch } from './calendar/ViewSwitch';
import { MEETING_KINDS, MEETING_STATUSES, type MeetingKind, type MeetingStatus, MeetingStatusText } from './meeting-bits';

const route = getRouteApi('/signed-in/meetings');
const PAGE = 100;

export interface Body {
  id: string;
  name: string;
}

/** The council's bodies (working groups, task forces, networks), for the body filter and the body's name. */
export function useBodies(councilId: string | undefined) {
  return useQuery({
    queryKey: ['bodies', councilId],
    enabled: councilId !== undefined,
    staleTime: 5 * 60_000,
    // The list route declares no response schema in openapi.json: its body is { items: BodyResponse[] }.
    queryFn: async () => {
      const result = await api.GET('/councils/{councilId}/bodies', {
        params: { path: { councilId: councilId! } },
      });
      return (data(result as { data?: unknown; error?: unknown; response: Response }) as { items: Body[] }).items;
    },
  });
}

/**
 * "Meetings": the council's meetings by start (GET /councils/{id}/meetings), filtered by body and status (by the
 * API) and by kind (in the page: the API has no kind filter); each title links to the meeting's page; the start
 * in the person's zone and the meeting's. Filters are kept in the address.
 */
export function MeetingsPage() {
  const { t } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const { membership, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const bodies = useBodies(councilId);
  const query = {
    bodyId: filters.bodyId,
    status: filters.status as MeetingStatus | undefined,
  };
  const meetings = useInfiniteQuery({
    queryKey: ['meetings', councilId, query],
    enabled: councilId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/councils/{councilId}/meetings', {
          params: {
            path: { councilId: councilId! },
            query: { ...query, limit: PAGE, cursor: pageParam },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const bodyId = useId();
  const kindId = useId();
  const statusId = useId();
  const title = t('nav.meetings');
  if (isLoading) return <Loading />;
  if (!membership) {
    return <Unavailable title={title}>{t('meetings.noCouncil')}</Unavailable>;
  }
  const bodyName = (id: string | null) => (id === null ? t('meetings.councilItself') : (bodies.data?.find((b) => b.id === id)?.name ?? t('meetings.aBody')));
  const rows = (meetings.data?.pages.flatMap((p) => p.items) ?? []).filter((m) => !filters.kind || m.kind === filters.kind);
  const setFilter = (name: 'bodyId' | 'kind' | 'status', value: string) => void navigate({ search: (s) => ({ ...s, [name]: value || undefined }) });

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <ViewSwitch current="list" />
      <p className="lead">{t('meetings.lead')}</p>
      <p className="page-actions">
        {membership.role === 'secretariat' && (
          <Link to="/meetings/new" className="button link-button">
            {t('scheduling.plan.title')}
          </Link>
        )}{' '}
        <Link to="/series">{t('scheduling.series.listTitle')}</Link>
      </p>
      <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={bodyId}>{t('meetings.filterBody')}</label>
          <select id={bodyId} value={filters.bodyId ?? ''} onChange={(e) => setFilter('bodyId', e.target.value)}>
            <option value="">{t('meetings.anyBody')}</option>
            {(bodies.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={kindId}>{t('meetings.filterKind')}</label>
          <select id={kindId} value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('meetings.anyKind')}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>{t('meetings.filterStatus')}</label>
          <select id={statusId} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('meetings.anyStatus')}</option>
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`meetings.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {meetings.isLoading ? (
        <Loading />
      ) : meetings.error ? (
        <ErrorText error={meetings.error} />
      ) : rows.length === 0 ? (
        <p>{t('meetings.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items meetings-list">
            <caption>{t('meetings.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.colMeeting')}</th>
                <th scope="col">{t('meetings.colStarts')}</th>
                <th scope="col">{t('meetings.colBody')}</th>
                <th scope="col">{t('meetings.colKind')}</th>
                <th scope="col">{t('meetings.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td data-label={t('meetings.colMeeting')}>
                    <Link to="/meetings/$meetingId" params={{ meetingId: m.id }} className="item-link">
                      {m.title}
                    </Link>
                  </td>
                  <td data-label={t('meetings.colStarts')}>
                    <DateTimeText value={m.startsAt} zone={m.timeZone} zoneKind="meeting" />
                  </td>
                  <td data-label={t('meetings.colBody')}>{bodyName(m.bodyId)}</td>
                  <td data-label={t('meetings.colKind')}>{t(`meetings.kind.${m.kind as MeetingKind}`)}</td>
                  <td data-label={t('meetings.colStatus')}>
                    <MeetingStatusText status={m.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {meetings.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void meetings.fetchNextPage()} isDisabled={meetings.isFetchingNextPage}>
          {t('meetings.more')}
        </Button>
      )}
    </section>
  );
}
