import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, ok } from '../../api/client';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { Refusal } from '../meetings/meeting-bits';
import { type CouncilUser, NotSecretariat, useCouncilUsers, useDelegations, useSecretariat } from './admin-bits';
import { AddPersonForm } from './AddPersonForm';
import '../../styles/admin.css';

/**
 * The council's accounts (the secretariat): who has a role, for which delegation, whether they have set a
 * password; add a delegate's or the secretariat's account (the password link is emailed), send a fresh
 * set-password link, remove a role.
 */
export function PeoplePage() {
  const { t } = useTranslation();
  const { councilId, council, isSecretariat, isLoading } = useSecretariat();
  const queryClient = useQueryClient();
  const users = useCouncilUsers(isSecretariat ? councilId : undefined);
  const delegations = useDelegations(isSecretariat ? councilId : undefined);
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<string | undefined>();
  const title = t('admin.people.title');

  const link = useMutation({
    mutationFn: async (u: CouncilUser) => {
      data(await api.POST('/councils/{councilId}/users/{userId}/setup-link', { params: { path: { councilId: councilId!, userId: u.id } } }));
      return u;
    },
    onSuccess: (u) => setAnnouncement(t('admin.people.linkSent', { name: u.fullName, email: u.email })),
    onError: () => setAnnouncement(''),
  });
  const remove = useMutation({
    mutationFn: async (u: CouncilUser) => {
      ok(await api.DELETE('/councils/{councilId}/users/{userId}', { params: { path: { councilId: councilId!, userId: u.id } } }));
      return u;
    },
    onSuccess: (u) => {
      setConfirming(undefined);
      setAnnouncement(t('admin.people.removed', { name: u.fullName }));
      void queryClient.invalidateQueries({ queryKey: ['council-users', councilId] });
      requestAnimationFrame(() => document.getElementById('people-list-title')?.focus());
    },
    onError: () => setAnnouncement(''),
  });

  if (isLoading) return <Loading />;
  if (!isSecretariat || !councilId) return <NotSecretariat title={title} />;
  const delegationName = (id: string | null) => (id ? (delegations.data?.items.find((d) => d.id === id)?.name ?? t('admin.people.aDelegation')) : '—');

  return (
    <section className="admin-page">
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('admin.people.lead', { council: council?.name ?? '' })}</p>
      <p role="status" className="announce notice">
        {announcement}
      </p>
      <Refusal error={link.error ?? remove.error} />
      <h2 id="people-list-title" tabIndex={-1}>
        {t('admin.people.listTitle')}
      </h2>
      {users.isLoading ? (
        <Loading />
      ) : !users.data ? (
        <ErrorText error={users.error} />
      ) : (
        <div className="table-wrap">
          <table className="items">
            <caption>{t('admin.people.caption', { count: users.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.people.colName')}</th>
                <th scope="col">{t('admin.people.colRole')}</th>
                <th scope="col">{t('admin.people.colDelegation')}</th>
                <th scope="col">{t('admin.people.colAccount')}</th>
                <th scope="col">{t('admin.people.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td data-label={t('admin.people.colName')}>
                    {u.fullName}
                    <br />
                    <span className="muted small break">{u.email}</span>
                  </td>
                  <td data-label={t('admin.people.colRole')}>{t(`admin.people.roles.${u.role}`)}</td>
                  <td data-label={t('admin.people.colDelegation')}>{delegationName(u.delegationId)}</td>
                  <td data-label={t('admin.people.colAccount')}>
                    {u.disabled ? t('admin.people.disabled') : u.hasPassword ? t('admin.people.hasPassword') : t('admin.people.noPassword')}
                    <br />
                    <span className="muted small">
                      {t('admin.people.since')} <DateTimeText value={u.grantedAt} zone={council?.timeZone} dateOnly />
                    </span>
                  </td>
                  <td data-label={t('admin.people.colActions')}>
                    <div className="row-actions">
                      {!u.hasPassword && !u.disabled && (
                        <Button
                          className="button button-secondary"
                          onPress={() => !link.isPending && link.mutate(u)}
                          aria-label={t('admin.people.sendLinkTo', { name: u.fullName })}
                        >
                          {t('admin.people.sendLink')}
                        </Button>
                      )}
                      {confirming === u.id ? (
                        <>
                          <Button className="button" onPress={() => !remove.isPending && remove.mutate(u)}>
                            {t('admin.people.confirmRemove', { name: u.fullName })}
                          </Button>
                          <Button className="button button-quiet" onPress={() => setConfirming(undefined)}>
                            {t('admin.people.keep')}
                          </Button>
                        </>
                      ) : (
                        <Button
                          className="button button-quiet"
                          onPress={() => setConfirming(u.id)}
                          aria-label={t('admin.people.removeWho', { name: u.fullName })}
                        >
                          {t('admin.people.remove')}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddPersonForm
        councilId={councilId}
        delegations={delegations.data?.items ?? []}
        languages={council?.workingLanguages ?? []}
        zone={council?.timeZone ?? 'UTC'}
        onAdded={(message) => {
          setAnnouncement(message);
          void queryClient.invalidateQueries({ queryKey: ['council-users', councilId] });
        }}
      />
    </section>
  );
}
