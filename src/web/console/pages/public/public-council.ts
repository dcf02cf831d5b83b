import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { api, data } from '../../api/client';
import { type Council, currentMembership, useCouncil, useMe } from '../../app/queries';
import { useSessionStatus } from '../../auth/useSession';

const publicRoute = getRouteApi('/public');

/** The councils anyone may see (GET /councils is public), for the public pages' council choice. */
export function useCouncils() {
  return useQuery({ queryKey: ['councils'], staleTime: 5 * 60_000, queryFn: async () => data(await api.GET('/councils')) });
}

/**
 * The council a public page shows: the one named in the address (?council=<id>), else the signed-in person's,
 * else the first one (an installation usually serves one council).
 */
export function usePublicCouncil(): { council?: Council; councils: Council[]; isLoading: boolean; error: unknown } {
  const { council: chosen } = publicRoute.useSearch();
  const signedIn = useSessionStatus() === 'signed_in';
  // Signed out, nobody to ask about (GET /auth/me would answer 401).
  const me = useMe(signedIn);
  const councils = useCouncils();
  const fallback = chosen ?? (signedIn ? currentMembership(me.data)?.councilId : undefined) ?? councils.data?.items[0]?.id;
  const council = useCouncil(fallback);
  return {
    council: council.data,
    councils: councils.data?.items ?? [],
    isLoading: councils.isLoading || council.isLoading || (signedIn && me.isLoading),
    error: councils.error ?? council.error,
  };
}
