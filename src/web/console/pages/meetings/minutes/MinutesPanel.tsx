import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateTime } from 'luxon';
import { useId, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Loading } from '../../../components/Page';
import { DateTimeText, personalZone } from '../../../components/Time';
import { languageName } from '../../../i18n/i18n';
import { type Meeting, Refusal, refusal } from '../meeting-bits';
import { type Minutes, minutesKey, useMinutes } from './minutes-api';
import { MinutesComments } from './MinutesComments';
import { MinutesEditor } from './MinutesEditor';
import '../../../styles/minutes.css';

interface Props {
  councilId: string;
  meeting: Meeting;
  /** The secretariat: drafts, edits, circulates and approves. */
  manages: boolean;
}

/**
 * A meeting's minutes: drafted once the meeting is closed; edited per agenda item and per language;
 * circulated with a comment deadline (shown in both zones); commented on by delegations; approved, and
 * then public. The minutes as a PDF in each working language.
 */
export function MinutesPanel({ councilId, meeting, manages }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { membership } = useCurrentCouncil();
  const minutes = useMinutes(councilId, meeting.id);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const zone = meeting.timeZone;
  const path = { councilId, meetingId: meeting.id };

  const changed = (m: Minutes, message: string) => {
    queryClient.setQueryData(minutesKey(councilId, meeting.id), m);
    // The meeting's status follows the minutes' (minutes_circulated, minutes_approved).
    void queryClient.invalidateQueries({ queryKey: ['meeting', councilId, meeting.id] });
    void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    setAnnouncement(message);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const onError = (error: unknown) => {
    setAnnouncement('');
    if (refusal(error)?.code === 'STALE_VERSION') void minutes.refetch();
  };
  const draft = useMutation({
    mutationFn: async () => data(await api.POST('/councils/{councilId}/meetings/{meetingId}/minutes', { params: { path }, body: {} })),
    onSuccess: (m) => changed(m, t('minutes.drafted')),
    onError,
  });

  const m = minutes.data;
  const languages = m?.content.languages ?? [];
  return (
    <section aria-labelledby="minutes-title" className="minutes-panel">
      <h2 id="minutes-title" ref={heading} tabIndex={-1}>
        {t('minutes.title')}
      </h2>
      <p role="status" className="announce notice">
        {announcement}
      </p>
      {minutes.isLoading ? (
        <Loading />
      ) : !m ? (
        manages && meeting.status === 'closed' ? (
          <>
            <p>{t('minutes.noneYetClosed')}</p>
            <Button className="button" onPress={() => !draft.isPending && draft.mutate()}>
              {t('minutes.draft')}
            </Button>
            <Refusal error={draft.error} zone={zone} />
          </>
        ) : (
          <p className="muted">{t('minutes.noneYet')}</p>
        )
      ) : (
        <>
          <dl className="facts card">
            <div>
              <dt>{t('minutes.status')}</dt>
              <dd>
                <span className={`status minutes-status-${m.status}`}>{t(`minutes.statuses.${m.status}`)}</span>
              </dd>
            </div>
            {m.commentDeadline && (
              <div className="wide">
                <dt>{t('minutes.commentDeadline')}</dt>
                <dd>
                  <DateTimeText value={m.commentDeadline} zone={zone} zoneKind="meeting" />
                </dd>
              </div>
            )}
            {m.circulatedAt && (
              <div className="wide">
                <dt>{t('minutes.circulatedAt')}</dt>
                <dd>
                  <DateTimeText value={m.circulatedAt} zone={zone} zoneKind="meeting" />
                </dd>
              </div>
            )}
            {m.approvedAt && (
              <div className="wide">
                <dt>{t('minutes.approvedAt')}</dt>
                <dd>
                  <DateTimeText value={m.approvedAt} zone={zone} zoneKind="meeting" />
                </dd>
              </div>
            )}
            <div>
              <dt>{t('minutes.commentCount')}</dt>
              <dd>{m.commentCount}</dd>
            </div>
          </dl>
          <div className="document-links">
            {languages.map((l) => (
              <DocumentLink key={l} path={`/councils/${councilId}/meetings/${meeting.id}/minutes/document.pdf?lang=${l}`} fileName={`minutes-${l}.pdf`}>
                {t('documents.minutes', { language: languageName(l, i18n.language) })}
              </DocumentLink>
            ))}
          </div>
          {m.status === 'approved' && (
            <p>
              <Link to="/public/minutes/$meetingId" params={{ meetingId: meeting.id }} search={{ council: councilId }}>
                {t('minutes.publicLink')}
              </Link>
            </p>
          )}
          {manages && m.status !== 'approved' && <MinutesEditor councilId={councilId} minutes={m} onSaved={(saved) => changed(saved, t('minutes.saved'))} />}
          {manages && m.status === 'draft' && (
            <Circulate councilId={councilId} minutes={m} zone={zone} onDone={(c) => changed(c, t('minutes.circulatedNow'))} />
          )}
          {manages && m.status === 'circulated' && (
            <Approve councilId={councilId} minutes={m} zone={zone} onDone={(a) => changed(a, t('minutes.approvedNow'))} />
          )}
          {m.status !== 'draft' && (
            <MinutesComments councilId={councilId} minutes={m} grouped={manages} canComment={!!membership?.delegationId && m.status === 'circulated'} />
          )}
        </>
      )}
    </section>
  );
}

interface StepProps {
  councilId: string;
  minutes: Minutes;
  zone: string;
  onDone: (m: Minutes) => void;
}

/** Circulate for comments, until a deadline entered in the person's zone (default: 14 days). */
function Circulate({ councilId, minutes, zone, onDone }: StepProps) {
  const { t } = useTranslation();
  const id = useId();
  const [deadline, setDeadline] = useState('');
  const mine = personalZone();
  const circulate = useMutation({
    mutationFn: async () => {
      const at = deadline ? DateTime.fromISO(deadline, { zone: mine }) : undefined;
      return data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/minutes/circulate', {
          params: { path: { councilId, meetingId: minutes.meetingId } },
          body: { version: minutes.version, ...(at?.isValid ? { commentDeadline: at.toUTC().toISO()! } : {}) },
        }),
      );
    },
    onSuccess: onDone,
  });
  const chosen = deadline ? DateTime.fromISO(deadline, { zone: mine }) : undefined;
  return (
    <Form
      className="form card"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!circulate.isPending) circulate.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{t('minutes.circulateTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-deadline`}>{t('minutes.deadlineLabel', { zone: mine })}</label>
        <input id={`${id}-deadline`} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="muted small">
          {chosen?.isValid ? <DateTimeText value={chosen.toISO()!} zone={zone} zoneKind="meeting" /> : t('minutes.deadlineDefault')}
        </p>
      </div>
      <Button type="submit" className="button">
        {t('minutes.circulate')}
      </Button>
      <Refusal error={circulate.error} zone={zone} />
    </Form>
  );
}

/** Approve the circulated minutes (once the comment period is over, or every member state has commented). */
function Approve({ councilId, minutes, zone, onDone }: StepProps) {
  const { t } = useTranslation();
  const approve = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/minutes/approve', {
          params: { path: { councilId, meetingId: minutes.meetingId } },
          body: { version: minutes.version },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <div className="card minutes-approve">
      <h3>{t('minutes.approveTitle')}</h3>
      <p className="muted small">{t('minutes.approveHint')}</p>
      <Button className="button" onPress={() => !approve.isPending && approve.mutate()}>
        {t('minutes.approve')}
      </Button>
      <Refusal error={approve.error} zone={zone} />
    </div>
  );
}
