import { useTranslation } from 'react-i18next';
import type { ApiError, Schemas } from '../../api/client';
import { DateTimeText } from '../../components/Time';

export type Meeting = Schemas['MeetingResponse'];
export type MeetingStatus = Meeting['status'];
export type MeetingKind = Meeting['kind'];
export type Agenda = Schemas['AgendaResponse'];
export type AgendaItem = Schemas['AgendaItemResponse'];

export const MEETING_STATUSES: readonly MeetingStatus[] = [
  'draft',
  'convened',
  'agenda_circulated',
  'in_session',
  'closed',
  'minutes_circulated',
  'minutes_approved',
  'postponed',
  'cancelled',
];
export const MEETING_KINDS: readonly MeetingKind[] = ['ministerial', 'senior_officials', 'working_group', 'extraordinary'];
export const PURPOSES: readonly AgendaItem['purpose'][] = ['decision', 'discussion', 'information', 'aob'];

/**
 * The lifecycle moves offered as buttons on the meeting page. The agenda is circulated from the agenda
 * (POST …/agenda/circulate), the minutes from their own routes: those statuses are not offered here.
 */
export const LIFECYCLE_MOVES: readonly MeetingStatus[] = ['convened', 'in_session', 'closed', 'draft', 'postponed', 'cancelled'];

/** The API's error body, with the details some refusals carry (e.g. NOTICE_TOO_SHORT's earliestStart). */
export type RefusalBody = ApiError & { details?: Record<string, unknown> };

export const refusal = (error: unknown): RefusalBody | undefined => (error as { api?: RefusalBody } | null)?.api;

/** The field errors of a refused request, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries((refusal(error)?.errors ?? []).map((e) => [e.field, e.message]));
}

/**
 * Why the API refused a move, in its own words (its message), as an alert; a refused short-notice convening
 * adds the earliest allowed start from the error's details, in both zones.
 */
export function Refusal({ error, zone }: { error: unknown; zone?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const body = refusal(error);
  const earliest = typeof body?.details?.earliestStart === 'string' ? body.details.earliestStart : undefined;
  const earliestOpen = typeof body?.details?.earliestOpen === 'string' ? body.details.earliestOpen : undefined;
  return (
    <div role="alert" className="alert">
      <p className="refusal-message">{body?.message ? t('meetings.refused', { message: body.message }) : t('common.error')}</p>
      {earliest && (
        <p className="refusal-earliest">
          {t('meetings.earliestStart')} <DateTimeText value={earliest} zone={zone} zoneKind="meeting" />
        </p>
      )}
      {earliestOpen && (
        <p className="refusal-earliest">
          {t('meetings.earliestOpen')} <DateTimeText value={earliestOpen} zone={zone} zoneKind="meeting" />
        </p>
      )}
      {body?.details?.consentPossible === true && <p>{t('meetings.consentPossible')}</p>}
    </div>
  );
}

export function MeetingStatusText({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <span className={`status meeting-status-${status}`}>{t(`meetings.status.${status}`)}</span>;
}
