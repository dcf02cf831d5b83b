import { useInfiniteQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText, personalZone } from '../../components/Time';
import { NotSecretariat, useCouncilUsers, useSecretariat } from './admin-bits';
import '../../styles/admin.css';

interface Filters {
  entityType: string;
  action: string;
  actorId: string;
  /** Dates (YYYY-MM-DD) in the person's zone: from the start of `from` to the end of `to`. */
  from: string;
  to: string;
}
const NONE: Filters = { entityType: '', action: '', actorId: '', from: '', to: '' };
const PAGE = 50;
type AuditPageData = Schemas['AuditPageResponse'];

/** The query of the filters: blank ones left out, dates as instants of the person's zone. */
function query(f: Filters): Record<string, string> {
  const zone = personalZone();
  const q: Record<string, string> = {};
  if (f.entityType.trim()) q.entityType = f.entityType.trim();
  if (f.action.trim()) q.action = f.action.trim();
  if (f.actorId) q.actorId = f.actorId;
  const from = f.from ? DateTime.fromISO(f.from, { zone }) : undefined;
  const to = f.to ? DateTime.fromISO(f.to, { zone }).plus({ days: 1 }) : undefined;
  if (from?.isValid) q.from = from.toUTC().toISO()!;
  if (to?.isValid) q.to = to.toUTC().toISO()!;
  return q;
}

/** The council's audit trail (the secretariat), newest first: filtered by entity, action, who and dates; older entries page by page. */
export function AuditPage() {
  const { t } = useTranslation();
  const id = useId();
  const { councilId, council, isSecretariat, isLoading } = useSecretariat();
  const users = useCouncilUsers(isSecretariat ? councilId : undefined);
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const audit = useInfiniteQuery({
    queryKey: ['audit', councilId, filters],
    enabled: isSecretariat && councilId !== undefined,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: AuditPageData) => last.nextCursor ?? undefined,
    queryFn: async ({ pageParam }): Promise<AuditPageData> =>
      data(
        await api.GET('/councils/{councilId}/audit', {
          params: { path: { councilId: councilId! }, query: { limit: PAGE, ...query(filters), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
  });
  const title = t('admin.audit.title');
  if (isLoading) return <Loading />;
  if (!isSecretariat || !councilId) return <NotSecretariat title={title} />;
  const zone = council?.timeZone;
  const who = (actorId: string | null) =>
    actorId ? (users.data?.items.find((u) => u.id === actorId)?.fullName ?? t('admin.audit.someone')) : t('admin.audit.system');
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof Filters, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <section className="admin-page">
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('admin.audit.lead')}</p>
      <Form
        className="filters audit-filters"
        aria-labelledby={`${id}-filters`}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <h2 id={`${id}-filters`} className="visually-hidden-heading">
          {t('admin.audit.filters')}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('admin.audit.entityType')}</label>
          <input
            id={`${id}-type`}
            maxLength={100}
            value={draft.entityType}
            onChange={(e) => set('entityType', e.target.value)}
            aria-describedby={`${id}-type-hint`}
          />
          <span id={`${id}-type-hint`} className="muted small">
            {t('admin.audit.entityTypeHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('admin.audit.action')}</label>
          <input
            id={`${id}-action`}
            maxLength={100}
            value={draft.action}
            onChange={(e) => set('action', e.target.value)}
            aria-describedby={`${id}-action-hint`}
          />
          <span id={`${id}-action-hint`} className="muted small">
            {t('admin.audit.actionHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('admin.audit.who')}</label>
          <select id={`${id}-who`} value={draft.actorId} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">{t('admin.audit.anyone')}</option>
            {(users.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('admin.audit.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('admin.audit.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="row-actions">
          <Button type="submit" className="button">
            {t('admin.audit.apply')}
          </Button>
          <Button
            className="button button-quiet"
            onPress={() => {
              setDraft(NONE);
              setFilters(NONE);
            }}
          >
            {t('admin.audit.clear')}
          </Button>
        </div>
      </Form>
      <p role="status" className="muted">
        {audit.data ? t(audit.hasNextPage ? 'admin.audit.shownMore' : 'admin.audit.shown', { count: entries.length }) : ''}
      </p>
      {audit.isLoading ? (
        <Loading />
      ) : audit.error ? (
        <ErrorText error={audit.error} />
      ) : entries.length === 0 ? (
        <p className="muted">{t('admin.audit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items audit-table">
            <caption>{t('admin.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.colWhen')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.colEntity')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('admin.audit.colWhen')}>
                    <DateTimeText value={a.at} zone={zone} />
                  </td>
                  <td data-label={t('admin.audit.action')}>
                    <code>{a.action}</code>
                  </td>
                  <td data-label={t('admin.audit.colEntity')}>
                    {a.entityType} <span className="muted small break">{a.entityId}</span>
                    {(a.before || a.after) && (
                      <details className="audit-change">
                        <summary>{t('admin.audit.change')}</summary>
                        {a.before && (
                          <>
                            <p className="small">{t('admin.audit.before')}</p>
                            <pre>{JSON.stringify(a.before, null, 2)}</pre>
                          </>
                        )}
                        {a.after && (
                          <>
                            <p className="small">{t('admin.audit.after')}</p>
                            <pre>{JSON.stringify(a.after, null, 2)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                  <td data-label={t('admin.audit.who')}>
                    {who(a.actorId)}
                    {a.requestId && <span className="muted small break"> · {t('admin.audit.request', { id: a.requestId })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage && (
        <Button className="button button-secondary" onPress={() => !audit.isFetchingNextPage && void audit.fetchNextPage()}>
          {t('admin.audit.older')}
        </Button>
      )}
    </section>
  );
}
