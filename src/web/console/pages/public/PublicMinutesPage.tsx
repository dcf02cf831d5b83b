import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { usePublicCouncil } from './public-council';

const detailRoute = getRouteApi('/public/minutes/$meetingId');

/** The council's approved minutes, newest approval first; each opens its minutes. No sign-in. */
export function PublicMinutesPage() {
  const { t } = useTranslation();
  const { council, isLoading, error } = usePublicCouncil();
  const councilId = council?.id;
  const minutes = useQuery({
    queryKey: ['public-minutes', councilId],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/minutes', { params: { path: { councilId: councilId! } } })),
  });
  const title = t('publicPages.minutes');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      {isLoading || minutes.isLoading ? (
        <Loading />
      ) : !council ? (
        error ? (
          <ErrorText error={error} />
        ) : (
          <p>{t('publicPages.noCouncil')}</p>
        )
      ) : !minutes.data ? (
        <ErrorText error={minutes.error} />
      ) : minutes.data.items.length === 0 ? (
        <p>{t('publicMinutes.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="items">
            <caption>{t('publicMinutes.caption', { count: minutes.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publicMinutes.colMeeting')}</th>
                <th scope="col">{t('publicMinutes.colHeld')}</th>
                <th scope="col">{t('publicMinutes.colApproved')}</th>
              </tr>
            </thead>
            <tbody>
              {minutes.data.items.map((m) => (
                <tr key={m.meetingId}>
                  <td data-label={t('publicMinutes.colMeeting')}>
                    <Link to="/public/minutes/$meetingId" params={{ meetingId: m.meetingId }} search={(prev) => ({ council: prev.council })}>
                      {m.meetingTitle}
                    </Link>
                    <span className="muted small"> · {t(`publicMinutes.kinds.${m.meetingKind}`)}</span>
                  </td>
                  <td data-label={t('publicMinutes.colHeld')}>
                    <DateTimeText value={m.meetingStartsAt} zone={council.timeZone} zoneKind="council" />
                  </td>
                  <td data-label={t('publicMinutes.colApproved')}>
                    <DateTimeText value={m.approvedAt} zone={council.timeZone} dateOnly />
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

/** One meeting's approved minutes: the meeting, attendance, each agenda item with its summary and decisions. */
export function PublicMinutesDetailPage() {
  const { t, i18n } = useTranslation();
  const { meetingId } = detailRoute.useParams();
  const { council, isLoading, error } = usePublicCouncil();
  const councilId = council?.id;
  const minutes = useQuery({
    queryKey: ['public-minutes', councilId, meetingId],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/minutes/{meetingId}', { params: { path: { councilId: councilId!, meetingId } } })),
  });
  const m = minutes.data;
  const title = m ? t('publicMinutes.titleOf', { meeting: m.content.meeting.title }) : t('publicPages.minutes');
  const languages = m?.content.languages ?? council?.workingLanguages ?? [];
  const zone = m?.content.meeting.timeZone;
  const present = m?.content.attendance.filter((a) => a.present) ?? [];
  const notes = m ? (m.content.notes[i18n.language] ? m.content.notes : Object.keys(m.content.notes).length > 0 ? m.content.notes : null) : null;
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/public/minutes" search={(prev) => ({ council: prev.council })}>
          {t('publicMinutes.back')}
        </Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {isLoading || minutes.isLoading ? (
        <Loading />
      ) : !council ? (
        <ErrorText error={error} />
      ) : !m ? (
        <ErrorText error={minutes.error} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('publicMinutes.held')}</dt>
              <dd>
                <DateTimeText value={m.content.meeting.startsAt} zone={zone} zoneKind="meeting" />
              </dd>
            </div>
            {m.content.meeting.venue && (
              <div>
                <dt>{t('publicMinutes.venue')}</dt>
                <dd>{m.content.meeting.venue}</dd>
              </div>
            )}
            {m.content.meeting.chair && (
              <div>
                <dt>{t('publicMinutes.chair')}</dt>
                <dd>{m.content.meeting.chair.name}</dd>
              </div>
            )}
            <div>
              <dt>{t('publicMinutes.approved')}</dt>
              <dd>
                <DateTimeText value={m.approvedAt} zone={zone} zoneKind="meeting" />
              </dd>
            </div>
          </dl>
          <section aria-labelledby="attendance-title">
            <h2 id="attendance-title">{t('publicMinutes.attendance')}</h2>
            <p>{present.length === 0 ? t('publicMinutes.nobodyPresent') : present.map((a) => a.delegationName).join(', ')}</p>
          </section>
          <section aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t('publicMinutes.items')}</h2>
            <ol className="plain-list minutes-items">
              {m.content.items.map((item) => (
                <li key={item.agendaItemId} className="card">
                  <h3>
                    {item.position}. <LocalizedText text={item.title} workingLanguages={languages} />
                  </h3>
                  {item.status !== 'scheduled' && <p className="muted">{t(`publicMinutes.itemStatus.${item.status}`)}</p>}
                  {Object.values(item.summary).some(Boolean) && <LocalizedText as="p" text={item.summary} workingLanguages={languages} />}
                  {item.decisions.length > 0 && (
                    <ul className="plain-list">
                      {item.decisions.map((d) => (
                        <li key={d.decisionId} className="minutes-decision">
                          <p>
                            <span className="badge">{d.outcome ? t(`publicMinutes.outcomes.${d.outcome}`) : t('publicMinutes.outcomes.proposed')}</span>{' '}
                            <LocalizedText text={d.text} workingLanguages={languages} />
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </section>
          {notes && (
            <section aria-labelledby="notes-title">
              <h2 id="notes-title">{t('publicMinutes.notes')}</h2>
              <LocalizedText as="p" text={notes} workingLanguages={languages} />
            </section>
          )}
        </>
      )}
    </article>
  );
}
