import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button, Form, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { AgendaBuilder } from './agenda/AgendaBuilder';
import { AttendancePanel } from './AttendancePanel';
import { BacklogPanel } from './backlog/BacklogPanel';
import { DecisionsPanel } from './session/DecisionsPanel';
import { MeetingNotifications } from '../admin/MeetingNotifications';
import { MeetingDocuments } from './minutes/MeetingDocuments';
import { MinutesPanel } from './minutes/MinutesPanel';
import { LIFECYCLE_MOVES, type Meeting, type MeetingKind, type MeetingStatus, MeetingStatusText, Refusal, refusal } from './meeting-bits';
import { useBodies } from './MeetingsPage';

const route = getRouteApi('/signed-in/meetings/$meetingId');

/** The query key of one meeting (the agenda's circulation changes its status too). */
export const meetingKey = (councilId: string | undefined, meetingId: string) => ['meeting', councilId, meetingId];

/**
 * One meeting: its facts; its lifecycle as buttons (the moves the API allows now, for the secretariat), with the
 * API's reason when a move is refused (and the earliest allowed start of a short-notice convening, and the
 * convening with recorded consent an extraordinary meeting allows); its agenda; its attendance once open.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId } = route.useParams();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const manages = membership?.role === 'secretariat';
  const queryClient = useQueryClient();
  const bodies = useBodies(councilId);
  const [announcement, setAnnouncement] = useState('');
  const [consentNote, setConsentNote] = useState('');
  const movesHeading = useRef<HTMLHeadingElement>(null);

  const meeting = useQuery({
    queryKey: meetingKey(councilId, meetingId),
    enabled: councilId !== undefined,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}', {
          params: { path: { councilId: councilId!, meetingId } },
        }),
      ),
  });

  const move = useMutation({
    mutationFn: async (input: { to: MeetingStatus; consent?: string }) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/transitions', {
          params: { path: { councilId: councilId!, meetingId } },
          body: {
            to: input.to,
            version: meeting.data!.version,
            ...(input.consent ? { consent: { note: input.consent } } : {}),
          },
        }),
      ),
    onSuccess: (updated: Meeting) => {
      queryClient.setQueryData(meetingKey(councilId, meetingId), updated);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({
        queryKey: ['agenda', councilId, meetingId],
      });
      setAnnouncement(t('meetings.moved', { status: t(`meetings.status.${updated.status}`) }));
      setConsentNote('');
      requestAnimationFrame(() => movesHeading.current?.focus());
    },
    onError: (error) => {
      setAnnouncement('');
      // Someone else moved it: show the current meeting.
      if (refusal(error)?.code === 'STALE_VERSION') void meeting.refetch();
    },
  });

  if (!isLoading && !membership) {
    return (
      <section>
        <PageHeading title={t('meetings.meeting')}>{t('meetings.meeting')}</PageHeading>
        <p>{t('meetings.noCouncil')}</p>
      </section>
    );
  }
  if (meeting.isLoading || !councilId) return <Loading />;
  if (meeting.error || !meeting.data) {
    return (
      <section>
        <PageHeading title={t('meetings.meeting')}>{t('meetings.meeting')}</PageHeading>
        <ErrorText error={meeting.error} />
        <p>
          <Link to="/meetings">{t('meetings.back')}</Link>
        </p>
      </section>
    );
  }
  const m = meeting.data;
  const zone = m.timeZone;
  const moves = LIFECYCLE_MOVES.filter((s) => m.allowedTransitions.includes(s));
  const refused = refusal(move.error);
  const consentOffered = refused?.code === 'NOTICE_TOO_SHORT' && refused.details?.consentPossible === true && m.allowedTransitions.includes('convened');
  const bodyName = m.bodyId === null ? t('meetings.councilItself') : (bodies.data?.find((b) => b.id === m.bodyId)?.name ?? t('meetings.aBody'));
  const press = (to: MeetingStatus) => {
    if (!move.isPending) move.mutate({ to });
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <PageHeading title={m.title}>{m.title}</PageHeading>
      <dl className="facts card">
        <div>
          <dt>{t('meetings.colStatus')}</dt>
          <dd>
            <MeetingStatusText status={m.status} />
          </dd>
        </div>
        <div>
          <dt>{t('meetings.colKind')}</dt>
          <dd>{t(`meetings.kind.${m.kind as MeetingKind}`)}</dd>
        </div>
        <div>
          <dt>{t('meetings.colBody')}</dt>
          <dd>{bodyName}</dd>
        </div>
        {m.seriesId && (
          <div>
            <dt>{t('scheduling.series.one')}</dt>
            <dd>
              <Link to="/series/$seriesId" params={{ seriesId: m.seriesId }}>
                {t('scheduling.series.open')}
              </Link>
            </dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('meetings.starts')}</dt>
          <dd>
            <DateTimeText value={m.startsAt} zone={zone} zoneKind="meeting" />
          </dd>
        </div>
        <div className="wide">
          <dt>{t('meetings.ends')}</dt>
          <dd>
            <DateTimeText value={m.endsAt} zone={zone} zoneKind="meeting" />
          </dd>
        </div>
        <div>
          <dt>{t('meetings.venue')}</dt>
          <dd>{m.venue ?? (m.onlineUrl ? t('meetings.online') : t('meetings.noVenue'))}</dd>
        </div>
        {m.onlineUrl && (
          <div>
            <dt>{t('meetings.onlineUrl')}</dt>
            <dd className="break">{m.onlineUrl}</dd>
          </div>
        )}
        <div>
          <dt>{t('meetings.chair')}</dt>
          <dd>{m.chair ? m.chair.name : t('meetings.noChair')}</dd>
        </div>
        <div className="wide">
          <dt>{t('meetings.noticeBy', { days: m.deadlines.noticeDays })}</dt>
          <dd>
            <DateTimeText value={m.deadlines.noticeBy} zone={zone} zoneKind="meeting" />
          </dd>
        </div>
        <div className="wide">
          <dt>{t('meetings.agendaBy', { days: m.deadlines.agendaDays })}</dt>
          <dd>
            <DateTimeText value={m.deadlines.agendaBy} zone={zone} zoneKind="meeting" />
          </dd>
        </div>
        <div className="wide">
          <dt>{t('meetings.papersBy', { days: m.deadlines.papersDays })}</dt>
          <dd>
            <DateTimeText value={m.deadlines.papersBy} zone={zone} zoneKind="meeting" />
          </dd>
        </div>
        {m.convenedAt && (
          <div className="wide">
            <dt>{t('meetings.convenedAt')}</dt>
            <dd>
              <DateTimeText value={m.convenedAt} zone={zone} zoneKind="meeting" />
              {m.consentRecorded && <span className="badge">{t('meetings.withConsent')}</span>}
            </dd>
          </div>
        )}
        {m.consentNote && (
          <div className="wide">
            <dt>{t('meetings.consentNote')}</dt>
            <dd>{m.consentNote}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="lifecycle-title">
        <h2 id="lifecycle-title" ref={movesHeading} tabIndex={-1}>
          {t('meetings.lifecycle')}
        </h2>
        {!manages ? (
          <p className="muted">{t('meetings.readOnly')}</p>
        ) : moves.length === 0 ? (
          <p className="muted">{t('meetings.noMoves')}</p>
        ) : (
          <div className="moves">
            {moves.map((to) => (
              <Button key={to} className={to === 'cancelled' || to === 'postponed' ? 'button button-secondary' : 'button'} onPress={() => press(to)}>
                {t(`meetings.move.${to}`)}
              </Button>
            ))}
          </div>
        )}
        <p role="status" className="announce notice">
          {announcement}
        </p>
        <Refusal error={move.error} zone={zone} />
        {manages && consentOffered && (
          <Form
            className="form inline-form"
            aria-labelledby="consent-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (consentNote.trim() && !move.isPending) move.mutate({ to: 'convened', consent: consentNote.trim() });
            }}
          >
            <h3 id="consent-title">{t('meetings.consentTitle')}</h3>
            <TextField className="field" isRequired value={consentNote} onChange={setConsentNote}>
              <Label>{t('meetings.consentLabel')}</Label>
              <TextArea rows={3} maxLength={2000} />
            </TextField>
            <Button type="submit" className="button">
              {t('meetings.conveneWithConsent')}
            </Button>
          </Form>
        )}
      </section>

      <AgendaBuilder key={m.id} councilId={councilId} meeting={m} languages={council?.workingLanguages ?? []} manages={manages} />
      <BacklogPanel key={`backlog-${m.id}`} councilId={councilId} meeting={m} languages={council?.workingLanguages ?? []} manages={manages} />
      {(m.status === 'in_session' || m.status === 'closed') && <AttendancePanel councilId={councilId} meeting={m} manages={manages} />}
      <DecisionsPanel councilId={councilId} meeting={m} languages={council?.workingLanguages ?? []} manages={manages} />
      {['closed', 'minutes_circulated', 'minutes_approved'].includes(m.status) && <MinutesPanel councilId={councilId} meeting={m} manages={manages} />}
      <MeetingDocuments councilId={councilId} meeting={m} languages={council?.workingLanguages ?? []} />
      {manages && <MeetingNotifications councilId={councilId} meetingId={m.id} />}
    </section>
  );
}
