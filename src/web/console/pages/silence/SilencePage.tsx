import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { localized } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { CirculateForm } from './CirculateForm';
import { Responded, SilenceStatus, silenceListKey, useActiveMemberStates } from './silence-bits';
import '../../styles/session.css';

/**
 * Silence procedures (decisions in writing between meetings): the list, latest deadline first, each with its
 * deadline in both zones, how many member states have responded, and its outcome once closed; the secretariat
 * circulates a new one.
 */
export function SilencePage() {
  const { t, i18n } = useTranslation();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const manages = membership?.role === 'secretariat';
  const queryClient = useQueryClient();
  const [said, setSaid] = useState('');
  const active = useActiveMemberStates(councilId);
  const list = useQuery({
    queryKey: silenceListKey(councilId),
    enabled: councilId !== undefined,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/silence-procedures', {
          params: { path: { councilId: councilId! } },
        }),
      ).items,
  });
  const languages = council?.workingLanguages ?? [];
  const zone = council?.timeZone;

  return (
    <section>
      <PageHeading title={t('silence.title')}>{t('silence.title')}</PageHeading>
      <p className="muted">{t('silence.intro')}</p>
      {!isLoading && !membership ? (
        <p>{t('silence.noCouncil')}</p>
      ) : list.isLoading || !councilId ? (
        <Loading />
      ) : (
        <>
          <ErrorText error={list.error} />
          <p role="status" aria-live="polite" className="announce notice">
            {said}
          </p>
          <section aria-labelledby="silence-list-title">
            <h2 id="silence-list-title">{t('silence.listTitle')}</h2>
            {(list.data ?? []).length === 0 ? (
              <p className="muted">{t('silence.none')}</p>
            ) : (
              <ul className="plain-list silence-list">
                {(list.data ?? []).map((p) => (
                  <li key={p.id} className="card silence-item">
                    <h3>
                      <Link to="/silence/$decisionId" params={{ decisionId: p.id }}>
                        {localized(p.text, i18n.language, languages)}
                      </Link>
                    </h3>
                    <p>
                      <SilenceStatus procedure={p} />
                    </p>
                    <p>
                      <span className="muted">{t('silence.deadline')}</span> <DateTimeText value={p.deadline} zone={zone} zoneKind="council" />
                    </p>
                    <p>
                      <Responded procedure={p} activeNow={active.data} />
                      {' · '}
                      {t('silence.breakCount', {
                        count: p.breaks.filter((b) => !b.withdrawnAt).length,
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {manages && (
            <CirculateForm
              councilId={councilId}
              languages={languages}
              zone={zone}
              onCirculated={(message) => {
                setSaid(message);
                void queryClient.invalidateQueries({
                  queryKey: silenceListKey(councilId),
                });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
