import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { LocalizedText, localized } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { languageName } from '../../i18n/i18n';
import { PositionList, StandingList } from '../meetings/session/records';
import { LIVE_INTERVAL_MS, useOwnDelegation } from '../meetings/session/session-bits';
import { Responded, SilenceStatus, silenceKey, silenceListKey, useActiveMemberStates } from './silence-bits';
import { SilenceMoves } from './SilenceMoves';
import '../../styles/session.css';

const route = getRouteApi('/signed-in/silence/$decisionId');

/**
 * One silence procedure: the text in each working language, the deadline in both zones, how many member states
 * have responded (a polite live region), the breaks with their reasons and the positions, read again every few
 * seconds until it closes; a member state's delegate breaks silence (with a reason), withdraws the break, or
 * records a position; the outcome once closed.
 */
export function SilenceDetailPage() {
  const { t, i18n } = useTranslation();
  const { decisionId } = route.useParams();
  const { membership, council } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const own = useOwnDelegation(councilId, membership);
  const queryClient = useQueryClient();
  const active = useActiveMemberStates(councilId);
  const [said, setSaid] = useState('');
  const key = silenceKey(councilId, decisionId);
  const procedure = useQuery({
    queryKey: key,
    enabled: councilId !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'closed' ? false : LIVE_INTERVAL_MS),
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/silence-procedures/{decisionId}', {
          params: { path: { councilId: councilId!, decisionId } },
        }),
      ),
  });
  const languages = council?.workingLanguages ?? [];
  const zone = council?.timeZone;

  if (procedure.isLoading || !councilId) return <Loading />;
  if (procedure.error || !procedure.data) {
    return (
      <section>
        <PageHeading title={t('silence.one')}>{t('silence.one')}</PageHeading>
        <ErrorText error={procedure.error} />
        <p>
          <Link to="/silence">{t('silence.back')}</Link>
        </p>
      </section>
    );
  }
  const p = procedure.data;
  const open = p.status === 'proposed' && Date.parse(p.deadline) > procedure.dataUpdatedAt;
  const changed = (message: string) => {
    setSaid(message);
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({
      queryKey: silenceListKey(councilId),
      exact: true,
    });
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/silence">{t('silence.back')}</Link>
      </p>
      <PageHeading title={localized(p.text, i18n.language, languages) || t('silence.one')}>{t('silence.one')}</PageHeading>
      <div className="card">
        <p className="decision-text">
          <LocalizedText text={p.text} workingLanguages={languages} />
        </p>
        <ul className="plain-list decision-languages">
          {languages
            .filter((l) => p.text[l])
            .map((l) => (
              <li key={l}>
                <span className="muted">{languageName(l, i18n.language)}:</span> <span lang={l}>{p.text[l]}</span>
              </li>
            ))}
        </ul>
      </div>
      <dl className="facts card">
        <div>
          <dt>{t('silence.state')}</dt>
          <dd>
            <SilenceStatus procedure={p} />
          </dd>
        </div>
        <div className="wide">
          <dt>{t('silence.deadline')}</dt>
          <dd>
            <DateTimeText value={p.deadline} zone={zone} zoneKind="council" />
          </dd>
        </div>
        {p.quorum && (
          <div className="wide">
            <dt>{t('silence.atClosing')}</dt>
            <dd>
              {t('silence.quorumAtClosing', {
                total: p.quorum.activeMemberStates,
                required: p.quorum.required,
              })}
            </dd>
          </div>
        )}
      </dl>
      <Responded procedure={p} activeNow={active.data} live />
      <p role="status" aria-live="polite" className="announce notice">
        {said}
      </p>
      <section aria-labelledby="silence-record-title">
        <h2 id="silence-record-title">{t('silence.recordTitle')}</h2>
        <StandingList title={t('silence.breaksTitle')} none={t('silence.noBreaks')} records={p.breaks} zone={zone} zoneKind="council" />
        <PositionList positions={p.positions} zone={zone} zoneKind="council" />
      </section>
      {open && own && <SilenceMoves councilId={councilId} procedure={p} own={own} onChanged={changed} />}
    </section>
  );
}
