import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading, Unavailable } from '../../components/Page';
import { PlainDate } from '../../components/Time';
import { Progress, StatusText, urgency, UrgencyBadge } from './ItemBits';
import { SOURCES, type Status, STATUSES } from './status';

const route = getRouteApi('/signed-in/items');
const PAGE = 25;

/**
 * "My action items": the items of the person's delegation (GET /councils/{id}/me/action-items), due first,
 * overdue and due-soon ones marked in words; counts per status; filters kept in the address.
 */
export function MyItemsPage() {
  const { t } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const query = {
    status: filters.status ? [filters.status as Status] : undefined,
    overdue: filters.overdue,
    source: filters.source as (typeof SOURCES)[number] | undefined,
  };

  const counts = useQuery({
    queryKey: ['my-items-counts', councilId, query],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/me/action-items/counts', { params: { path: { councilId: councilId! }, query } })),
  });
  const items = useInfiniteQuery({
    queryKey: ['my-items', councilId, query],
    enabled: councilId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      data(
        await api.GET('/councils/{councilId}/me/action-items', {
          params: { path: { councilId: councilId! }, query: { ...query, limit: PAGE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const statusId = useId();
  const sourceId = useId();
  const title = t('nav.items');
  if (isLoading) return <Loading />;
  if (!membership) {
    return <Unavailable title={title}>{t('items.noCouncil')}</Unavailable>;
  }
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const today = counts.data?.today;
  const languages = council?.workingLanguages ?? [];

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('items.lead')}</p>
      <p>
        <Link to="/progress">{t('progress.link')}</Link>
      </p>

      <section aria-labelledby="counts-title" className="counts">
        <h2 id="counts-title">{t('items.countsTitle')}</h2>
        {counts.data ? (
          <ul className="count-list">
            <li className="count count-total">
              <span className="count-value">{counts.data.total}</span> {t('items.total')}
            </li>
            <li className="count count-overdue">
              <span className="count-value">{counts.data.overdue}</span> {t('items.overdue')}
            </li>
            {STATUSES.map((s) => (
              <li key={s} className="count">
                <span className="count-value">{counts.data.byStatus[s]}</span> {t(`status.${s}`)}
              </li>
            ))}
          </ul>
        ) : (
          <ErrorText error={counts.error} />
        )}
        {today && (
          <p className="muted small">
            {t('items.today')} <PlainDate value={today} />
          </p>
        )}
      </section>

      <form className="filters" aria-label={t('items.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={statusId}>{t('items.filterStatus')}</label>
          <select
            id={statusId}
            value={filters.status ?? ''}
            onChange={(e) => void navigate({ search: (s) => ({ ...s, status: e.target.value || undefined }) })}
          >
            <option value="">{t('items.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={sourceId}>{t('items.filterSource')}</label>
          <select
            id={sourceId}
            value={filters.source ?? ''}
            onChange={(e) => void navigate({ search: (s) => ({ ...s, source: e.target.value || undefined }) })}
          >
            <option value="">{t('items.anySource')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Checkbox
          className="checkbox"
          isSelected={filters.overdue === true}
          onChange={(on) => void navigate({ search: (s) => ({ ...s, overdue: on || undefined }) })}
        >
          <span className="checkbox-box" aria-hidden="true" />
          {t('items.filterOverdue')}
        </Checkbox>
      </form>

      {items.isLoading ? (
        <Loading />
      ) : items.error ? (
        <ErrorText error={items.error} />
      ) : rows.length === 0 ? (
        <p>{t('items.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items">
            <caption>{t('items.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('items.colItem')}</th>
                <th scope="col">{t('items.colDue')}</th>
                <th scope="col">{t('items.colStatus')}</th>
                <th scope="col">{t('items.colProgress')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => {
                const u = urgency(item, today);
                return (
                  <tr key={item.id} className={u ? `band-${u}` : undefined}>
                    <td data-label={t('items.colItem')}>
                      <Link to="/items/$itemId" params={{ itemId: item.id }} className="item-link">
                        <LocalizedText text={item.title} workingLanguages={languages} />
                      </Link>
                      {item.priority === 'high' || item.priority === 'urgent' ? (
                        <span className="badge badge-priority">{t(`priority.${item.priority}`)}</span>
                      ) : null}
                    </td>
                    <td data-label={t('items.colDue')}>
                      <PlainDate value={item.dueDate} /> <UrgencyBadge value={u} />
                    </td>
                    <td data-label={t('items.colStatus')}>
                      <StatusText status={item.status} />
                    </td>
                    <td data-label={t('items.colProgress')}>
                      <Progress percent={item.progressPercent} rag={item.progressRag} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {items.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void items.fetchNextPage()} isDisabled={items.isFetchingNextPage}>
          {t('items.more')}
        </Button>
      )}
    </section>
  );
}
