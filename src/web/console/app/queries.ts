import { QueryClient, useQuery } from '@tanstack/react-query';
import { api, data, type Schemas } from '../api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: (count, error) => count < 2 && (error as { status?: number }).status === undefined, refetchOnWindowFocus: false },
  },
});

export type Me = Schemas['MeResponse'];
export type Council = Schemas['CouncilResponse'];
export type Membership = Schemas['CouncilMembershipResponse'];

export function useMe(enabled = true) {
  return useQuery({ queryKey: ['me'], enabled, queryFn: async () => data(await api.GET('/auth/me')) });
}

/** The council the console shows: the person's delegate seat first (the delegate journey), else their first council. */
export function currentMembership(me: Me | undefined): Membership | undefined {
  return me?.councils.find((c) => c.role === 'delegate') ?? me?.councils[0];
}

export function useCouncil(councilId: string | undefined) {
  return useQuery({
    queryKey: ['council', councilId],
    enabled: councilId !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () => data(await api.GET('/councils/{councilId}', { params: { path: { councilId: councilId! } } })),
  });
}

/** The signed-in person's current council membership and the council (its zone, its working languages). */
export function useCurrentCouncil(): { membership?: Membership; council?: Council; isLoading: boolean } {
  const me = useMe();
  const membership = currentMembership(me.data);
  const council = useCouncil(membership?.councilId);
  return { membership, council: council.data, isLoading: me.isLoading || council.isLoading };
}
