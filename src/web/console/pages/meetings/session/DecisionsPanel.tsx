import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { ErrorText, Loading } from '../../../components/Page';
import type { Meeting, MeetingStatus } from '../meeting-bits';
import { DecisionCard } from './DecisionCard';
import { ProposeDecisionForm } from './ProposeDecisionForm';
import { type Decision, LIVE_INTERVAL_MS, useOwnDelegation } from './session-bits';
import '../../../styles/session.css';

interface Props {
  councilId: string;
  meeting: Meeting;
  languages: readonly string[];
  manages: boolean;
}

/** A session's decisions are shown from its opening on; after it, read-only. */
const SESSION_AND_AFTER: readonly MeetingStatus[] = ['in_session', 'closed', 'minutes_circulated', 'minutes_approved'];

export const decisionsKey = (councilId: string, meetingId: string) => ['decisions', councilId, meetingId];

/** What changed in the objections since the last read: new ones and withdrawn ones, in words. */
function objectionNews(before: Decision[] | undefined, after: Decision[], t: TFunction): string[] {
  if (!before) return [];
  const known = new Map(before.flatMap((d) => d.objections).map((o) => [o.id, o]));
  const news: string[] = [];
  for (const o of after.flatMap((d) => d.objections)) {
    const was = known.get(o.id);
    if (!was && !o.withdrawnAt) news.push(t('session.objectionFrom', { delegation: o.delegationName }));
    else if (was && !was.withdrawnAt && o.withdrawnAt) news.push(t('session.objectionWithdrawnBy', { delegation: o.delegationName }));
  }
  return news;
}

/**
 * The decisions of a meeting in session (and after it, read-only): the secretariat proposes one on an agenda item,
 * each decision shows its objections and positions, and is closed with the API's quorum rule; a delegate of a
 * member state objects, withdraws the objection or records a position. The list is read again every few seconds
 * while in session (and after every own change); new and withdrawn objections are announced in a polite live region.
 */
export function DecisionsPanel(props: Props) {
  if (!SESSION_AND_AFTER.includes(props.meeting.status)) return null;
  return <Decisions {...props} />;
}

function Decisions({ councilId, meeting, languages, manages }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { membership } = useCurrentCouncil();
  const own = useOwnDelegation(councilId, membership);
  const meetingId = meeting.id;
  const open = meeting.status === 'in_session';
  const key = decisionsKey(councilId, meetingId);
  const [news, setNews] = useState('');
  const [said, setSaid] = useState('');

  const decisions = useQuery({
    queryKey: key,
    refetchInterval: open ? LIVE_INTERVAL_MS : false,
    staleTime: 0,
    queryFn: async () => {
      const before = queryClient.getQueryData<Decision[]>(key);
      const items = data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}/decisions', {
          params: { path: { councilId, meetingId } },
        }),
      ).items;
      const lines = objectionNews(before, items, t);
      if (lines.length > 0) setNews(lines.join(' '));
      return items;
    },
  });
  const agenda = useQuery({
    queryKey: ['agenda', councilId, meetingId],
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}/agenda', {
          params: { path: { councilId, meetingId } },
        }),
      ),
  });

  const changed = (message: string) => {
    setSaid(message);
    void queryClient.invalidateQueries({ queryKey: key });
  };

  if (decisions.isLoading || agenda.isLoading) return <Loading />;
  const items = agenda.data?.items ?? [];
  const list = decisions.data ?? [];

  return (
    <section aria-labelledby="decisions-title" className="decisions">
      <h2 id="decisions-title">{t('session.title')}</h2>
      {!open && <p className="muted">{t('session.readOnly')}</p>}
      <p role="status" aria-live="polite" className="announce notice session-news">
        {news}
      </p>
      <p role="status" aria-live="polite" className="announce notice">
        {said}
      </p>
      <ErrorText error={decisions.error ?? agenda.error} />
      {list.length === 0 ? (
        <p className="muted">{t('session.none')}</p>
      ) : (
        <ol className="plain-list decision-list">
          {list.map((d) => (
            <li key={d.id}>
              <DecisionCard
                councilId={councilId}
                meeting={meeting}
                decision={d}
                item={items.find((i) => i.id === d.agendaItemId)}
                languages={languages}
                manages={manages}
                own={own}
                onChanged={changed}
              />
            </li>
          ))}
        </ol>
      )}
      {manages && open && <ProposeDecisionForm councilId={councilId} meetingId={meetingId} items={items} languages={languages} onProposed={changed} />}
    </section>
  );
}
