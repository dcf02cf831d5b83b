import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { ErrorText, Loading } from '../../../components/Page';
import { DateTimeText } from '../../../components/Time';
import { type Agenda, type AgendaItem, type Meeting, Refusal, refusal } from '../meeting-bits';
import { AddItemForm } from './AddItemForm';
import { AgendaItemCard } from './AgendaItemCard';
import { agendaKey, OPEN, useIsChair, useOwnParticipant, useParticipants } from './agenda-data';
import { CarryAll, type Carried } from './CarryForward';
import { PapersDue } from './PapersDue';
import '../../../styles/agenda.css';

interface Props {
  councilId: string;
  meeting: Meeting;
  languages: readonly string[];
  manages: boolean;
}

/**
 * The agenda builder: the items in order (purpose, presenter, duration, the title in each working language, the
 * papers per language and the languages still missing one, with the delegation that owes them); "Move up"/"Move
 * down" on each item change the order on the page (announced in a live region) until "Save order" sends it; a form
 * adds an item at the end (supplementary once circulated; after the supplementary deadline only the chair accepts
 * one); the draft agenda of a convened meeting is circulated from here; items not dealt with are carried forward.
 */
export function AgendaBuilder({ councilId, meeting, languages, manages }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const meetingId = meeting.id;
  const key = agendaKey(councilId, meetingId);
  const [order, setOrder] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [carried, setCarried] = useState<Record<string, Carried>>({});
  const dragged = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const focusNext = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const isChair = useIsChair(councilId);
  const own = useOwnParticipant();

  const agenda = useQuery({
    queryKey: key,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}/agenda', {
          params: { path: { councilId, meetingId } },
        }),
      ),
  });
  const participants = useParticipants(councilId);

  function saved(next: Agenda, message: string) {
    queryClient.setQueryData(key, next);
    setOrder(null);
    setAnnouncement(message);
  }
  /** A refused change: the announcement goes; when someone else changed the agenda, the page shows the current one. */
  function stale(error: unknown) {
    setAnnouncement('');
    if (refusal(error)?.code === 'STALE_VERSION') void agenda.refetch();
  }
  const refresh = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: key });
  };
  const reorder = useMutation({
    mutationFn: async (itemIds: string[]) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/reorder', {
          params: { path: { councilId, meetingId } },
          body: { version: agenda.data!.version, itemIds },
        }),
      ),
    onSuccess: (next) => saved(next, t('meetings.agenda.orderSaved')),
    onError: stale,
  });
  const circulate = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/circulate', {
          params: { path: { councilId, meetingId } },
          body: { version: agenda.data!.version },
        }),
      ),
    onSuccess: (next) => {
      saved(next, t('meetings.agenda.circulatedNow'));
      void queryClient.invalidateQueries({
        queryKey: ['meeting', councilId, meetingId],
      });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onError: stale,
  });

  // After a move, the focus stays on the pressed button of the moved item (or its other button at an end).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const ids = order ?? [];
    const at = ids.indexOf(target.id);
    const dir = target.dir === 'up' && at === 0 ? 'down' : target.dir === 'down' && at === ids.length - 1 ? 'up' : target.dir;
    buttons.current.get(`${target.id}:${dir}`)?.focus();
  }, [order]);

  if (agenda.isLoading) return <Loading />;
  if (agenda.error || !agenda.data) return <ErrorText error={agenda.error} />;
  const a = agenda.data;
  const byId = new Map(a.items.map((i) => [i.id, i]));
  const ids = order && order.length === a.items.length && order.every((id) => byId.has(id)) ? order : a.items.map((i) => i.id);
  const items = ids.map((id) => byId.get(id)!);
  const dirty = ids.some((id, i) => a.items[i]?.id !== id);
  const open = OPEN.includes(meeting.status);
  const editable = manages && open;
  const proposes = editable || (isChair && open);
  const itemTitle = (item: AgendaItem) => localized(item.title, i18n.language, languages);

  function place(id: string, next: string[], to: number) {
    setOrder(next);
    reorder.reset();
    setAnnouncement(
      t('meetings.agenda.movedTo', {
        title: itemTitle(byId.get(id)!),
        position: to + 1,
        total: ids.length,
      }),
    );
  }
  function moveItem(id: string, dir: 'up' | 'down') {
    const at = ids.indexOf(id);
    const to = dir === 'up' ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ids.length) return;
    const next = [...ids];
    [next[at], next[to]] = [next[to]!, next[at]!];
    focusNext.current = { id, dir };
    place(id, next, to);
  }
  /** Drag and drop (a pointer's alternative to the buttons): the dragged item takes the place of the one it is dropped on. */
  function dropOn(targetId: string) {
    const id = dragged.current;
    dragged.current = null;
    setDropTarget(null);
    if (!id || id === targetId) return;
    const next = ids.filter((x) => x !== id);
    const to = ids.indexOf(targetId);
    next.splice(to, 0, id);
    place(id, next, to);
  }

  return (
    <section aria-labelledby="agenda-title" className="agenda">
      <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
      <p>
        {t('meetings.agenda.status')} <strong>{t(`meetings.agenda.statuses.${a.status}`)}</strong>
        {a.circulatedAt && (
          <>
            {' · '}
            {t('meetings.agenda.circulatedAt')} <DateTimeText value={a.circulatedAt} zone={meeting.timeZone} zoneKind="meeting" />
          </>
        )}
      </p>
      {a.supplementaryDeadline && (
        <p className="muted">
          {t('meetings.agenda.supplementaryDeadline')} <DateTimeText value={a.supplementaryDeadline} zone={meeting.timeZone} zoneKind="meeting" />
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('meetings.agenda.empty')}</p>
      ) : (
        <ol className="plain-list agenda-items" aria-label={t('meetings.agenda.itemsLabel')}>
          {items.map((item, index) => (
            <AgendaItemCard
              key={item.id}
              councilId={councilId}
              meeting={meeting}
              agenda={a}
              item={item}
              index={index}
              count={items.length}
              languages={languages}
              participants={participants.data ?? []}
              editable={editable}
              uploads={editable || (open && own !== null && own === item.presenterParticipantId)}
              carried={carried[item.id]}
              dropTarget={dropTarget === item.id}
              drag={{
                start: (id) => void (dragged.current = id),
                end: () => {
                  dragged.current = null;
                  setDropTarget(null);
                },
                over: () => {
                  if (!dragged.current) return false;
                  if (dropTarget !== item.id) setDropTarget(item.id);
                  return true;
                },
                leave: () => dropTarget === item.id && setDropTarget(null),
                drop: () => dropOn(item.id),
              }}
              buttonRef={(dir, el) => void (el ? buttons.current.set(`${item.id}:${dir}`, el) : buttons.current.delete(`${item.id}:${dir}`))}
              onMove={(dir) => moveItem(item.id, dir)}
              onChanged={refresh}
              onCarried={(result) => {
                setCarried((c) => ({ ...c, [item.id]: result }));
                refresh(
                  t('agenda.carry.carriedOne', {
                    title: itemTitle(item),
                    meeting: result.title,
                  }),
                );
              }}
            />
          ))}
        </ol>
      )}
      <p role="status" aria-live="polite" className="announce notice">
        {announcement}
      </p>
      <Refusal error={reorder.error ?? circulate.error} zone={meeting.timeZone} />
      {editable && (
        <div className="moves agenda-actions">
          {items.length > 1 && (
            <Button className="button" onPress={() => dirty && !reorder.isPending && reorder.mutate(ids)}>
              {t('meetings.agenda.saveOrder')}
            </Button>
          )}
          {dirty && (
            <Button
              className="button button-quiet"
              onPress={() => {
                setOrder(null);
                setAnnouncement(t('meetings.agenda.orderReset'));
              }}
            >
              {t('meetings.agenda.resetOrder')}
            </Button>
          )}
          {a.status === 'draft' && meeting.status === 'convened' && items.length > 0 && (
            <Button className="button button-secondary" onPress={() => !circulate.isPending && !dirty && circulate.mutate()}>
              {t('meetings.agenda.circulate')}
            </Button>
          )}
        </div>
      )}
      {dirty && <p className="muted small">{t('meetings.agenda.unsaved')}</p>}
      {manages && <CarryAll councilId={councilId} meeting={meeting} onCarried={(message) => refresh(message)} />}
      <PapersDue meeting={meeting} agenda={a} languages={languages} participants={participants.data ?? []} />
      {proposes && (
        <AddItemForm
          councilId={councilId}
          meeting={meeting}
          agenda={a}
          languages={languages}
          participants={participants.data ?? []}
          isChair={isChair}
          onAdded={(item) => refresh(t(item.acceptedByChair ? 'agenda.supplementary.accepted' : 'meetings.agenda.added', { title: itemTitle(item) }))}
        />
      )}
    </section>
  );
}
