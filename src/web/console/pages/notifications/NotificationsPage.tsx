import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, ok, type Schemas } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';

type Mode = Schemas['PreferenceResponse']['mode'];
const MODES: Mode[] = ['immediate', 'digest', 'off'];

/** "Notifications": the inbox (mark read, all read), the email preference per kind, the calendar feed to subscribe to. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const title = t('nav.notifications');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <Inbox />
      <CalendarFeed />
      <Preferences />
    </section>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { council } = useCurrentCouncil();
  const inbox = useInfiniteQuery({
    queryKey: ['inbox'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => data(await api.GET('/me/notifications', { params: { query: { limit: 20, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const read = useMutation({
    mutationFn: async (id: string) => ok(await api.POST('/me/notifications/{notificationId}/read', { params: { path: { notificationId: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const readAll = useMutation({
    mutationFn: async () => ok(await api.POST('/me/notifications/read-all')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('inbox.title')}</h2>
      {inbox.isLoading ? (
        <Loading />
      ) : inbox.error ? (
        <ErrorText error={inbox.error} />
      ) : (
        <>
          <p role="status">{t('inbox.unread', { count: unread })}</p>
          {unread > 0 && (
            <Button className="button button-quiet" onPress={() => readAll.mutate()} isDisabled={readAll.isPending}>
              {t('inbox.readAll')}
            </Button>
          )}
          {items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ul className="inbox">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'inbox-item read' : 'inbox-item unread'}>
                  <h3 className="inbox-title">
                    {!n.readAt && <span className="badge badge-unread">{t('inbox.new')}</span>} {n.title}
                  </h3>
                  <p className="inbox-meta">
                    <DateTimeText value={n.createdAt} zone={council?.timeZone} />
                  </p>
                  <p className="inbox-body">{n.body}</p>
                  {!n.readAt && (
                    <Button
                      className="button button-quiet"
                      onPress={() => read.mutate(n.id)}
                      isDisabled={read.isPending}
                      aria-label={t('inbox.markReadNamed', { title: n.title })}
                    >
                      {t('inbox.markRead')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {inbox.hasNextPage && (
            <Button className="button button-quiet" onPress={() => void inbox.fetchNextPage()}>
              {t('items.more')}
            </Button>
          )}
          <ErrorText error={read.error ?? readAll.error} />
        </>
      )}
    </section>
  );
}

function CalendarFeed() {
  const { t } = useTranslation();
  const { membership } = useCurrentCouncil();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | undefined>();
  const [copied, setCopied] = useState('');
  const feeds = useQuery({ queryKey: ['calendar-feeds'], queryFn: async () => data(await api.GET('/me/calendar-feeds')) });
  const create = useMutation({
    mutationFn: async () => data(await api.POST('/me/calendar-feeds', { body: { councilId: membership!.councilId, hideTitles: false } })),
    onSuccess: (feed) => {
      setUrl(feed.url);
      void queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const revoke = useMutation({
    mutationFn: async (feedId: string) => ok(await api.DELETE('/me/calendar-feeds/{feedId}', { params: { path: { feedId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['calendar-feeds'] }),
  });
  const active = (feeds.data?.items ?? []).filter((f) => !f.revokedAt && f.councilId === membership?.councilId);
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <p>{t('feed.intro')}</p>
      {url ? (
        <div className="copy-row">
          <TextField value={url} isReadOnly className="field grow">
            <Label>{t('feed.url')}</Label>
            <Input onFocus={(e) => e.currentTarget.select()} />
          </TextField>
          <Button
            className="button"
            onPress={() => {
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(t('feed.copied')),
                () => setCopied(t('feed.copyFailed')),
              );
            }}
          >
            {t('feed.copy')}
          </Button>
        </div>
      ) : (
        <Button className="button" onPress={() => create.mutate()} isDisabled={create.isPending || !membership}>
          {active.length > 0 ? t('feed.createAnother') : t('feed.create')}
        </Button>
      )}
      <p role="status" className="announce">
        {copied}
      </p>
      {url && <p className="muted small">{t('feed.keepSecret')}</p>}
      {active.length > 0 && (
        <>
          <h3>{t('feed.active', { count: active.length })}</h3>
          <ul className="plain-list">
            {active.map((f) => (
              <li key={f.id}>
                {t('feed.createdOn')} <DateTimeText value={f.createdAt} dateOnly />{' '}
                <Button className="button button-quiet" onPress={() => revoke.mutate(f.id)} isDisabled={revoke.isPending}>
                  {t('feed.revoke')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorText error={create.error ?? revoke.error} />
    </section>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [saved, setSaved] = useState('');
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: async () => data(await api.GET('/me/notification-preferences')) });
  const set = useMutation({
    mutationFn: async ({ kind, mode }: { kind: string; mode: Mode }) =>
      data(await api.PUT('/me/notification-preferences/{kind}', { params: { path: { kind: kind as never } }, body: { mode } })),
    onSuccess: (p) => {
      queryClient.setQueryData(['preferences'], (old: Schemas['PreferenceListResponse'] | undefined) =>
        old ? { items: old.items.map((x) => (x.kind === p.kind ? p : x)) } : old,
      );
      setSaved(t('preferences.saved', { kind: t(`kinds.${p.kind.replaceAll('.', '_')}`, { defaultValue: p.kind }), mode: t(`modes.${p.mode}`) }));
    },
  });
  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('preferences.title')}</h2>
      <p>{t('preferences.intro')}</p>
      <p role="status" className="announce">
        {saved}
      </p>
      {preferences.isLoading ? (
        <Loading />
      ) : !preferences.data ? (
        <ErrorText error={preferences.error} />
      ) : (
        <ul className="preferences">
          {preferences.data.items.map((p, index) => {
            const id = `${baseId}-${index}`;
            return (
              <li key={p.kind} className="preference">
                <label htmlFor={id}>{t(`kinds.${p.kind.replaceAll('.', '_')}`, { defaultValue: p.kind })}</label>
                <select id={id} value={p.mode} disabled={set.isPending} onChange={(e) => set.mutate({ kind: p.kind, mode: e.target.value as Mode })}>
                  {MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`modes.${m}`)}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorText error={set.error} />
    </section>
  );
}
