import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { LocalizedText, localized } from '../../../components/LocalizedText';
import { ErrorText, Loading } from '../../../components/Page';
import { agendaKey, OPEN } from '../agenda/agenda-data';
import { type Meeting, Refusal, refusal } from '../meeting-bits';
import { BacklogForm } from './BacklogForm';
import '../../../styles/agenda.css';

type BacklogItem = Schemas['BacklogItemResponse'];

interface Props {
  councilId: string;
  meeting: Meeting;
  languages: readonly string[];
  manages: boolean;
}

/**
 * The backlog of the meeting's body (GET …/bodies/{bodyId}/backlog): the items proposed for a future meeting, who
 * proposed them; the secretariat schedules one onto this meeting's agenda, the secretariat or the proposing
 * delegation withdraws one; any member proposes a new one. Council meetings (no body) have no backlog.
 */
export function BacklogPanel({ councilId, meeting, languages, manages }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { membership } = useCurrentCouncil();
  const bodyId = meeting.bodyId;
  const key = ['backlog', councilId, bodyId];
  const [announcement, setAnnouncement] = useState('');
  const [failed, setFailed] = useState<{ id: string; error: unknown } | null>(null);
  const backlog = useQuery({
    queryKey: key,
    enabled: bodyId !== null,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/bodies/{bodyId}/backlog', {
          params: { path: { councilId, bodyId: bodyId! } },
        }),
      ).items,
  });
  const delegations = useQuery({
    queryKey: ['delegations', councilId],
    enabled: bodyId !== null,
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/delegations', {
          params: { path: { councilId } },
        }),
      ).items,
  });
  const title = (item: BacklogItem) => localized(item.title, i18n.language, languages);
  const done = (message: string) => {
    setFailed(null);
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: key });
  };
  const fail = (id: string) => (error: unknown) => {
    setAnnouncement('');
    setFailed({ id, error });
    if (refusal(error)?.code === 'STALE_VERSION') void backlog.refetch();
  };
  const schedule = useMutation({
    mutationFn: async (item: BacklogItem) =>
      data(
        await api.POST('/councils/{councilId}/bodies/{bodyId}/backlog/{itemId}/schedule', {
          params: { path: { councilId, bodyId: bodyId!, itemId: item.id } },
          body: { version: item.version, meetingId: meeting.id },
        }),
      ),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({
        queryKey: agendaKey(councilId, meeting.id),
      });
      done(t(result.agendaItem.supplementary ? 'backlog.scheduledSupplementary' : 'backlog.scheduled', { title: title(result.backlogItem) }));
    },
    onError: (error, item) => fail(item.id)(error),
  });
  const withdraw = useMutation({
    mutationFn: async (item: BacklogItem) =>
      data(
        await api.POST('/councils/{councilId}/bodies/{bodyId}/backlog/{itemId}/withdraw', {
          params: { path: { councilId, bodyId: bodyId!, itemId: item.id } },
          body: { version: item.version },
        }),
      ),
    onSuccess: (item) => done(t('backlog.withdrawn', { title: title(item) })),
    onError: (error, item) => fail(item.id)(error),
  });

  if (bodyId === null) return null;
  const proposed = (backlog.data ?? []).filter((i) => i.status === 'proposed');
  const others = (backlog.data ?? []).length - proposed.length;
  const proposer = (item: BacklogItem) =>
    item.proposedByDelegationId === null
      ? t('backlog.bySecretariat')
      : (delegations.data?.find((d) => d.id === item.proposedByDelegationId)?.name ?? t('backlog.byDelegation'));
  const mayWithdraw = (item: BacklogItem) => manages || (item.proposedByDelegationId !== null && item.proposedByDelegationId === membership?.delegationId);
  const schedulable = manages && OPEN.includes(meeting.status);

  return (
    <section aria-labelledby="backlog-title" className="backlog">
      <h2 id="backlog-title">{t('backlog.title')}</h2>
      <p className="muted">{t('backlog.lead')}</p>
      {backlog.isLoading ? (
        <Loading />
      ) : backlog.error ? (
        <ErrorText error={backlog.error} />
      ) : (
        <>
          <p aria-live="polite">{t('backlog.count', { count: proposed.length })}</p>
          {proposed.length > 0 && (
            <ul className="plain-list backlog-items" aria-label={t('backlog.listLabel')}>
              {proposed.map((item) => (
                <li key={item.id} className="card backlog-item" aria-labelledby={`backlog-${item.id}`}>
                  <h3 id={`backlog-${item.id}`} className="backlog-item-title">
                    <LocalizedText text={item.title} workingLanguages={languages} />
                  </h3>
                  <p className="muted small">
                    {t(`meetings.agenda.purposes.${item.purpose}`)} · {t('backlog.proposedBy', { who: proposer(item) })}
                  </p>
                  {item.description && <p className="backlog-description">{item.description}</p>}
                  {failed?.id === item.id && <Refusal error={failed.error} zone={meeting.timeZone} />}
                  <div className="moves">
                    {schedulable && (
                      <Button
                        className="button button-secondary"
                        aria-describedby={`backlog-${item.id}`}
                        onPress={() => !schedule.isPending && schedule.mutate(item)}
                      >
                        {t('backlog.schedule')}
                      </Button>
                    )}
                    {mayWithdraw(item) && (
                      <Button
                        className="button button-quiet"
                        aria-describedby={`backlog-${item.id}`}
                        onPress={() => !withdraw.isPending && withdraw.mutate(item)}
                      >
                        {t('backlog.withdraw')}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {others > 0 && <p className="muted small">{t('backlog.others', { count: others })}</p>}
        </>
      )}
      <p role="status" className="announce notice">
        {announcement}
      </p>
      <BacklogForm councilId={councilId} bodyId={bodyId} languages={languages} onAdded={(item) => done(t('backlog.added', { title: title(item) }))} />
    </section>
  );
}
