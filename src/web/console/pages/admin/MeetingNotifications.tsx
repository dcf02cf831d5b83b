import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { ErrorText, Loading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import '../../styles/admin.css';

/**
 * A meeting's notifications, planned and sent (the secretariat): what (its label), when (in both zones),
 * to whom (the audience, and the recipients or their count), and what became of it.
 */
export function MeetingNotifications({ councilId, meetingId }: { councilId: string; meetingId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useQuery({
    queryKey: ['meeting-notifications', councilId, meetingId],
    queryFn: async () => data(await api.GET('/councils/{councilId}/meetings/{meetingId}/notifications', { params: { path: { councilId, meetingId } } })),
  });
  const zone = list.data?.timeZone;
  return (
    <section aria-labelledby={`${id}-title`} className="meeting-notifications">
      <h2 id={`${id}-title`}>{t('admin.scheduled.title')}</h2>
      {list.isLoading ? (
        <Loading />
      ) : !list.data ? (
        <ErrorText error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('admin.scheduled.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items">
            <caption>{t('admin.scheduled.caption', { count: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.scheduled.colWhat')}</th>
                <th scope="col">{t('admin.scheduled.colWhen')}</th>
                <th scope="col">{t('admin.scheduled.colWho')}</th>
                <th scope="col">{t('admin.scheduled.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((n) => (
                <tr key={n.id}>
                  <td data-label={t('admin.scheduled.colWhat')}>
                    {/* The API's label is in English. */}
                    <span lang="en">{n.label}</span>
                    {n.step && <span className="muted small"> · {n.step}</span>}
                  </td>
                  <td data-label={t('admin.scheduled.colWhen')}>
                    <DateTimeText value={n.dueAt} zone={zone} zoneKind="meeting" />
                  </td>
                  <td data-label={t('admin.scheduled.colWho')}>
                    {t(`admin.audience.${n.audience.code}`)}
                    {n.recipientCount !== null && <span className="muted small"> · {t('admin.scheduled.people', { count: n.recipientCount })}</span>}
                    {n.recipients.length > 0 && (
                      <details className="recipients">
                        <summary>{t('admin.scheduled.recipients')}</summary>
                        <ul className="plain-list small">
                          {n.recipients.map((r) => (
                            <li key={`${r.email}-${r.language}`} className="break">
                              {r.email} ({r.language}) — {t(`admin.delivery.${r.status}`)}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td data-label={t('admin.scheduled.colStatus')}>
                    <span className={`status notification-${n.status}`}>{t(`admin.scheduled.status.${n.status}`)}</span>
                    {n.deliveries && (
                      <span className="muted small"> · {t('admin.scheduled.delivered', { sent: n.deliveries.sent, total: n.deliveries.total })}</span>
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
