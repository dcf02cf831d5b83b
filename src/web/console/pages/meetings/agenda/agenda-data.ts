import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, data } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import type { Meeting, MeetingStatus } from '../meeting-bits';

/** Meeting statuses in which the API lets the agenda change (agenda-rules.ts). */
export const OPEN: readonly MeetingStatus[] = ['draft', 'convened', 'agenda_circulated', 'in_session', 'postponed'];

/** The time now, as of the first render and then every minute (deadlines pass while the page is open). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The query key of a meeting's agenda. */
export const agendaKey = (councilId: string, meetingId: string) => ['agenda', councilId, meetingId];

export type Participant = { id: string; name: string; status: string };

/** The council's participants (the presenters, the delegations that owe papers). */
export function useParticipants(councilId: string) {
  return useQuery({
    queryKey: ['participants', councilId],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/participants', {
          params: { path: { councilId } },
        }),
      ).items as Participant[],
  });
}

/**
 * Whether the signed-in person is the chair: a delegate of the member state whose presidency term covers now
 * (the API's own rule; only a delegate can be one, so nobody else asks).
 */
export function useIsChair(councilId: string): boolean {
  const { membership } = useCurrentCouncil();
  const delegate = membership?.role === 'delegate' && membership.participantId !== null;
  const terms = useQuery({
    queryKey: ['presidency', 'terms', councilId],
    enabled: delegate,
    staleTime: 60_000,
    // The whole list (never a 404 when no term covers now, as /presidency/current would answer).
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/presidency/terms', {
          params: { path: { councilId } },
        }),
      ).items,
  });
  const now = useNow();
  const current = terms.data?.find((term) => Date.parse(term.startsAt) <= now && now < Date.parse(term.endsAt));
  return delegate && current !== undefined && current.participantId === membership?.participantId;
}

/** The signed-in delegate's participant (their member state, …), or null for the secretariat. */
export function useOwnParticipant(): string | null {
  const { membership } = useCurrentCouncil();
  return membership?.role === 'delegate' ? (membership.participantId ?? null) : null;
}

/**
 * The later meetings of the same body (council meetings: of the council itself and the same kind, as the API's
 * carry-forward picks) whose agenda can still change, by start: where an item can be carried.
 */
export function useLaterMeetings(councilId: string, meeting: Meeting, enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'later', councilId, meeting.id],
    enabled,
    queryFn: async () => {
      const page = data(
        await api.GET('/councils/{councilId}/meetings', {
          params: {
            path: { councilId },
            query: {
              from: meeting.startsAt,
              limit: 200,
              ...(meeting.bodyId ? { bodyId: meeting.bodyId } : {}),
            },
          },
        }),
      );
      return page.items.filter(
        (m) =>
          m.id !== meeting.id &&
          m.bodyId === meeting.bodyId &&
          (meeting.bodyId !== null || m.kind === meeting.kind) &&
          Date.parse(m.startsAt) > Date.parse(meeting.startsAt) &&
          OPEN.includes(m.status),
      );
    },
  });
}
