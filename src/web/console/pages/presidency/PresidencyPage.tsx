import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { type Me, useCurrentCouncil, useMe } from '../../app/queries';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { CalendarTable, Troika, usePresidencyCalendar } from './Calendar';
import { DossierSection } from './Dossier';
import { PrioritiesSection } from './Priorities';

/**
 * What the signed-in person may do with a term, from their council roles (GET /auth/me) as the API's
 * permissions give them: the secretariat any term; a delegate of the term's holder its priorities and
 * dossier ("own" scope of presidency.priorities and handover.manage); a delegate of the successor's holder
 * the dossier's acknowledgement (handover.acknowledge). The API decides in the end (a refusal is shown).
 */
export function termAbilities(
  me: Me | undefined,
  councilId: string,
  holderParticipantId: string | null | undefined,
  incomingParticipantId: string | null | undefined,
) {
  const roles = me?.councils.filter((c) => c.councilId === councilId) ?? [];
  const secretariat = roles.some((r) => r.role === 'secretariat');
  const delegateOf = (participantId: string | null | undefined) =>
    !!participantId && roles.some((r) => r.role === 'delegate' && r.participantId === participantId);
  const holder = delegateOf(holderParticipantId);
  return { manage: secretariat || holder, priorities: secretariat || holder, acknowledge: delegateOf(incomingParticipantId) };
}

/** "Presidency": the troika and calendar, the current term's handover (timeline, successor, priorities, dossier). */
export function PresidencyPage() {
  const { t } = useTranslation();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const calendar = usePresidencyCalendar(councilId);
  const title = t('nav.presidency');
  const zone = council?.timeZone;
  const languages = council?.workingLanguages ?? [];
  const current = calendar.data?.current;
  const next = calendar.data?.troika.next;

  return (
    <section className="presidency">
      <PageHeading title={title}>{title}</PageHeading>
      {isLoading || calendar.isLoading ? (
        <Loading />
      ) : !councilId ? (
        <p>{t('items.noCouncil')}</p>
      ) : !calendar.data ? (
        <ErrorText error={calendar.error} />
      ) : (
        <>
          <Troika calendar={calendar.data} zone={zone} />
          {current?.id ? (
            <>
              <Successor councilId={councilId} termId={current.id} zone={zone} />
              <Timeline councilId={councilId} termId={current.id} zone={zone} holderParticipantId={current.participantId} languages={languages} />
            </>
          ) : (
            <p className="notice">{t('presidency.noRecordedTerm')}</p>
          )}
          {next?.id && !next.projected && (
            <NextPriorities councilId={councilId} termId={next.id} holderParticipantId={next.participantId} languages={languages} />
          )}
          <CalendarTable calendar={calendar.data} zone={zone} />
          <p>
            <Link to="/public/presidency">{t('publicPages.presidencyLink')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Who succeeds the current term and on what basis — or an alert that nobody is known yet, and why. */
function Successor({ councilId, termId, zone }: { councilId: string; termId: string; zone?: string }) {
  const { t } = useTranslation();
  const successor = useQuery({
    queryKey: ['successor', councilId, termId],
    queryFn: async () => data(await api.GET('/councils/{councilId}/presidency/successor', { params: { path: { councilId }, query: { termId } } })),
  });
  if (successor.isLoading) return <Loading />;
  if (!successor.data) return <ErrorText error={successor.error} />;
  const s = successor.data;
  return (
    <section aria-labelledby="successor-title">
      <h2 id="successor-title">{t('presidency.successor')}</h2>
      {s.known && s.successor ? (
        <p>
          {t('presidency.successorIs')}{' '}
          <strong>
            {s.successor.name}
            {s.successor.isoCode ? ` (${s.successor.isoCode})` : ''}
          </strong>
          {s.basis && <span className="muted"> — {t(`presidency.basis.${s.basis}`)}</span>}
        </p>
      ) : (
        <div role="alert" className="alert">
          <p>
            <strong>{t('presidency.noSuccessor')}</strong> {s.reason ? t(`presidency.reasons.${s.reason}`) : null}
          </p>
          <p>
            {t('presidency.designationDeadline')} <DateTimeText value={s.designationDeadline} zone={zone} />
          </p>
        </div>
      )}
    </section>
  );
}

type Timeline = Schemas['HandoverTimelineResponse'];

/** The term's handover: outgoing and incoming holders, the four reminders with their due times, then priorities and dossier. */
function Timeline({
  councilId,
  termId,
  zone,
  holderParticipantId,
  languages,
}: {
  councilId: string;
  termId: string;
  zone?: string;
  holderParticipantId: string | null;
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const timeline = useQuery({
    queryKey: ['handover-timeline', councilId, termId],
    queryFn: async (): Promise<Timeline> =>
      data(await api.GET('/councils/{councilId}/presidency/terms/{termId}/handover', { params: { path: { councilId, termId } } })),
  });
  if (timeline.isLoading) return <Loading />;
  if (!timeline.data) return <ErrorText error={timeline.error} />;
  const tl = timeline.data;
  const can = termAbilities(me.data, councilId, holderParticipantId ?? tl.outgoing.participantId, tl.incoming?.participantId);
  return (
    <>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('handover.title')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('handover.outgoing')}</dt>
            <dd>{tl.outgoing.name ?? t('presidency.toBeDesignated')}</dd>
          </div>
          <div>
            <dt>{t('handover.incoming')}</dt>
            <dd>{tl.incoming ? (tl.incoming.name ?? t('presidency.toBeDesignated')) : <span className="muted">{t('presidency.nobody')}</span>}</dd>
          </div>
          {(can.manage || can.acknowledge) && (
            <div className="wide">
              <dt>{t('handover.yourRole')}</dt>
              <dd>{t(can.acknowledge ? 'handover.youIncoming' : 'handover.youOutgoing')}</dd>
            </div>
          )}
        </dl>
        <h3>{t('handover.reminders')}</h3>
        <ol className="timeline">
          {tl.stages.map((s) => (
            <li key={s.stage} className={`timeline-stage stage-${s.state}`}>
              <p className="timeline-what">
                {t(`handover.stages.${s.stage}`)} <span className={`badge badge-stage-${s.state}`}>{t(`handover.states.${s.state}`)}</span>
              </p>
              <p className="small">
                <DateTimeText value={s.dueAt} zone={zone} />
              </p>
            </li>
          ))}
        </ol>
      </section>
      <PrioritiesSection
        councilId={councilId}
        termId={termId}
        title={t('priorities.title')}
        headingId="priorities-title"
        languages={languages}
        canEdit={can.priorities}
      />
      <DossierSection councilId={councilId} termId={termId} zone={zone} languages={languages} canManage={can.manage} canAcknowledge={can.acknowledge} />
    </>
  );
}

/** The incoming chair's priorities for the next (recorded) term: its own to write ahead of the term. */
function NextPriorities({
  councilId,
  termId,
  holderParticipantId,
  languages,
}: {
  councilId: string;
  termId: string;
  holderParticipantId: string | null;
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const can = termAbilities(me.data, councilId, holderParticipantId, null);
  return (
    <PrioritiesSection
      councilId={councilId}
      termId={termId}
      title={t('priorities.nextTitle')}
      headingId="next-priorities-title"
      languages={languages}
      canEdit={can.priorities}
    />
  );
}
