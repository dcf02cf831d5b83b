import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { usePublicCouncil } from './public-council';

/** The council's adopted decisions, newest first (at a meeting, or in writing by silence procedure). No sign-in. */
export function PublicDecisionsPage() {
  const { t } = useTranslation();
  const { council, isLoading, error } = usePublicCouncil();
  const councilId = council?.id;
  const decisions = useQuery({
    queryKey: ['public-decisions', councilId],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/decisions', { params: { path: { councilId: councilId! } } })),
  });
  const title = t('publicPages.decisions');
  const languages = council?.workingLanguages ?? [];
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      {isLoading || decisions.isLoading ? (
        <Loading />
      ) : !council ? (
        error ? (
          <ErrorText error={error} />
        ) : (
          <p>{t('publicPages.noCouncil')}</p>
        )
      ) : !decisions.data ? (
        <ErrorText error={decisions.error} />
      ) : decisions.data.items.length === 0 ? (
        <p>{t('publicDecisions.none')}</p>
      ) : (
        <ol className="plain-list decisions">
          {decisions.data.items.map((d) => (
            <li key={d.id} className="card decision">
              <p className="decision-text">
                <LocalizedText text={d.text} workingLanguages={languages} />
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('publicDecisions.adoptedAt')}</dt>
                  <dd>
                    <DateTimeText value={d.adoptedAt} zone={council.timeZone} />
                  </dd>
                </div>
                <div>
                  <dt>{t('publicDecisions.procedure')}</dt>
                  <dd>
                    {d.procedure === 'written'
                      ? t('publicDecisions.written')
                      : d.meeting
                        ? t('publicDecisions.atMeeting', { meeting: d.meeting.title })
                        : t('publicDecisions.meeting')}
                  </dd>
                </div>
                {d.agendaItem && (
                  <div>
                    <dt>{t('publicDecisions.agendaItem')}</dt>
                    <dd>
                      {d.agendaItem.position}. <LocalizedText text={d.agendaItem.title} workingLanguages={languages} />
                    </dd>
                  </div>
                )}
                {d.body && (
                  <div>
                    <dt>{t('publicDecisions.body')}</dt>
                    <dd>{d.body.name}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
