import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { type Council, useCurrentCouncil } from '../../app/queries';
import { Unavailable } from '../../components/Page';

export type CouncilUser = Schemas['CouncilUserResponse'];
export type Delegation = Schemas['DelegationResponse'];

/** The current council, and whether the person is its secretariat (the administration pages are theirs). */
export function useSecretariat(): { councilId?: string; council?: Council; isSecretariat: boolean; isLoading: boolean } {
  const { membership, council, isLoading } = useCurrentCouncil();
  return { councilId: membership?.councilId, council, isSecretariat: membership?.role === 'secretariat', isLoading };
}

export function useCouncilUsers(councilId: string | undefined) {
  return useQuery({
    queryKey: ['council-users', councilId],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/users', { params: { path: { councilId: councilId! } } })),
  });
}

export function useDelegations(councilId: string | undefined) {
  return useQuery({
    queryKey: ['delegations', councilId],
    enabled: councilId !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () => data(await api.GET('/councils/{councilId}/delegations', { params: { path: { councilId: councilId! } } })),
  });
}

/** The page for someone who is not the council's secretariat. */
export function NotSecretariat({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Unavailable title={title}>{t('admin.onlySecretariat')}</Unavailable>;
}
