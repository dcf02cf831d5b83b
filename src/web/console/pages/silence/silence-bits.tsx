import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';

export type SilenceProcedure = Schemas['SilenceProcedureResponse'];

export const silenceListKey = (councilId: string | undefined) => ['silence', councilId];
export const silenceKey = (councilId: string | undefined, decisionId: string) => ['silence', councilId, decisionId];

/** The council's active member states: every one takes part in a written procedure. */
export function useActiveMemberStates(councilId: string | undefined) {
  return useQuery({
    queryKey: ['participants', councilId, 'member_state', 'active'],
    enabled: councilId !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/participants', {
          params: {
            path: { councilId: councilId! },
            query: { kind: 'member_state', status: 'active' },
          },
        }),
      ).items.length,
  });
}

/** The member states that have responded: broken silence (even if withdrawn since) or stated a position. */
export function respondedCount(p: SilenceProcedure): number {
  const ids = new Set([...p.breaks.map((b) => b.delegationId), ...p.positions.filter((x) => x.participantKind === 'member_state').map((x) => x.delegationId)]);
  return ids.size;
}

/** "n of m member states have responded" (m: recorded at closing, else the active member states now). */
export function Responded({ procedure, activeNow, live = false }: { procedure: SilenceProcedure; activeNow?: number; live?: boolean }) {
  const { t } = useTranslation();
  const total = procedure.quorum?.activeMemberStates ?? activeNow;
  if (total === undefined) return null;
  const text = t('silence.responded', {
    total,
    responded: respondedCount(procedure),
  });
  return live ? (
    <p role="status" aria-live="polite" className="notice silence-responded">
      {text}
    </p>
  ) : (
    <span className="silence-responded">{text}</span>
  );
}

/** The procedure's state in words: open until the deadline, then adopted or not adopted; a standing break said so. */
export function SilenceStatus({ procedure: p }: { procedure: SilenceProcedure }) {
  const { t } = useTranslation();
  if (p.status === 'closed') return <span className={`status silence-${p.outcome}`}>{t(`silence.outcome.${p.outcome ?? 'not_adopted'}`)}</span>;
  return (
    <span className="status silence-open">
      {t('silence.status.open')}
      {p.silenceBroken && ` · ${t('silence.broken')}`}
    </span>
  );
}
