import { useQuery } from '@tanstack/react-query';
import { api, data, type Schemas } from '../../../api/client';

export type Minutes = Schemas['MinutesResponse'];
export type MinutesItem = Schemas['MinutesItemResponse'];
export type MinutesComment = Schemas['MinutesCommentResponse'];

export const minutesKey = (councilId: string, meetingId: string) => ['minutes', councilId, meetingId];
export const commentsKey = (councilId: string, meetingId: string) => ['minutes-comments', councilId, meetingId];

/** The meeting's minutes, or null until they are drafted (the API's 404). */
export function useMinutes(councilId: string, meetingId: string) {
  return useQuery({
    queryKey: minutesKey(councilId, meetingId),
    queryFn: async (): Promise<Minutes | null> => {
      const result = await api.GET('/councils/{councilId}/meetings/{meetingId}/minutes', { params: { path: { councilId, meetingId } } });
      if (result.response.status === 404) return null;
      return data(result);
    },
  });
}

export function useMinutesComments(councilId: string, meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: commentsKey(councilId, meetingId),
    enabled,
    queryFn: async () => data(await api.GET('/councils/{councilId}/meetings/{meetingId}/minutes/comments', { params: { path: { councilId, meetingId } } })),
  });
}

/** Texts per language without the blank ones (the API takes only non-blank texts; a left-out language has none). */
export function nonBlank(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts)
      .map(([l, v]) => [l, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

/** The comments grouped by delegation, in the order of each delegation's first comment. */
export function byDelegation(comments: readonly MinutesComment[]): { delegationId: string; delegationName: string; comments: MinutesComment[] }[] {
  const groups = new Map<string, { delegationId: string; delegationName: string; comments: MinutesComment[] }>();
  for (const c of comments) {
    const group = groups.get(c.delegationId) ?? { delegationId: c.delegationId, delegationName: c.delegationName, comments: [] };
    group.comments.push(c);
    groups.set(c.delegationId, group);
  }
  return [...groups.values()];
}
