import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { Refusal, refusal } from '../meetings/meeting-bits';
import { NotSecretariat, useDelegations, useSecretariat } from './admin-bits';
import { QueueDashboardNote } from './QueueDashboardNote';
import { type Reminder, ReminderForm } from './ReminderForm';
import '../../styles/admin.css';

/** The council's reminders (the secretariat): scheduled, sent and cancelled ones; schedule, edit or cancel one. */
export function RemindersPage() {
  const { t } = useTranslation();
  const { councilId, council, isSecretariat, isLoading } = useSecretariat();
  const queryClient = useQueryClient();
  const delegations = useDelegations(isSecretariat ? councilId : undefined);
  const [editing, setEditing] = useState<Reminder | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const key = ['reminders', councilId];
  const reminders = useQuery({
    queryKey: key,
    enabled: isSecretariat && councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/reminders', { params: { path: { councilId: councilId! } } })),
  });
  const cancel = useMutation({
    mutationFn: async (r: Reminder) => {
      data(
        await api.DELETE('/councils/{councilId}/reminders/{reminderId}', {
          params: { path: { councilId: councilId!, reminderId: r.id }, query: { version: r.version } },
        }),
      );
      return r;
    },
    onSuccess: (r) => {
      setAnnouncement(t('admin.reminders.cancelled', { title: r.title }));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => {
      setAnnouncement('');
      if (refusal(error)?.code === 'STALE_VERSION') void reminders.refetch();
    },
  });
  const title = t('admin.reminders.title');
  if (isLoading) return <Loading />;
  if (!isSecretariat || !councilId) return <NotSecretariat title={title} />;
  const zone = council?.timeZone;
  const delegationNames = (ids: readonly string[] | undefined) =>
    ids && ids.length > 0 ? ids.map((d) => delegations.data?.items.find((x) => x.id === d)?.name ?? '?').join(', ') : t('admin.reminders.allDelegations');
  const roleNames = (roles: readonly string[] | undefined) =>
    roles && roles.length > 0 ? roles.map((r) => t(`admin.reminders.role.${r}`)).join(', ') : t('admin.reminders.everyDelegate');

  return (
    <section className="admin-page">
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('admin.reminders.lead')}</p>
      <p role="status" className="announce notice">
        {announcement}
      </p>
      <Refusal error={cancel.error} zone={zone} />
      {reminders.isLoading ? (
        <Loading />
      ) : !reminders.data ? (
        <ErrorText error={reminders.error} />
      ) : reminders.data.items.length === 0 ? (
        <p className="muted">{t('admin.reminders.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items">
            <caption>{t('admin.reminders.caption', { count: reminders.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.reminders.titleLabel')}</th>
                <th scope="col">{t('admin.reminders.colWhen')}</th>
                <th scope="col">{t('admin.reminders.colWho')}</th>
                <th scope="col">{t('admin.reminders.colStatus')}</th>
                <th scope="col">{t('admin.people.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.data.items.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('admin.reminders.titleLabel')}>
                    <strong>{r.title}</strong>
                    <br />
                    <span className="small reminder-message">{r.message}</span>
                  </td>
                  <td data-label={t('admin.reminders.colWhen')}>
                    <DateTimeText value={r.sendAt} zone={zone} />
                  </td>
                  <td data-label={t('admin.reminders.colWho')}>
                    {roleNames(r.audience.roles)} · {delegationNames(r.audience.delegationIds)}
                  </td>
                  <td data-label={t('admin.reminders.colStatus')}>{t(`admin.reminders.status.${r.status}`)}</td>
                  <td data-label={t('admin.people.colActions')}>
                    {r.status === 'scheduled' && (
                      <div className="row-actions">
                        <Button
                          className="button button-secondary"
                          onPress={() => setEditing(r)}
                          aria-label={t('admin.reminders.editWhich', { title: r.title })}
                        >
                          {t('admin.reminders.edit')}
                        </Button>
                        <Button
                          className="button button-quiet"
                          onPress={() => !cancel.isPending && cancel.mutate(r)}
                          aria-label={t('admin.reminders.cancelWhich', { title: r.title })}
                        >
                          {t('admin.reminders.cancel')}
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReminderForm
        key={editing ? `${editing.id}-${editing.version}` : 'new'}
        councilId={councilId}
        zone={zone}
        delegations={delegations.data?.items ?? []}
        editing={editing}
        onCancel={() => setEditing(undefined)}
        onSaved={(r, created) => {
          setEditing(undefined);
          setAnnouncement(created ? t('admin.reminders.scheduled', { title: r.title }) : t('admin.reminders.saved', { title: r.title }));
          void queryClient.invalidateQueries({ queryKey: key });
        }}
      />
      <QueueDashboardNote />
    </section>
  );
}
