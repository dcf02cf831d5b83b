import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { Refusal } from '../meeting-bits';
import type { Decision } from './session-bits';

interface Props {
  councilId: string;
  meetingId: string;
  decision: Decision;
  onChanged: (message: string) => void;
}

/**
 * Closing a proposed decision: the API applies the rule (adopted when quorum is met and no member state present
 * objects, not adopted when an objection stands; without quorum it refuses and says why), or defers it.
 */
export function CloseDecision({ councilId, meetingId, decision, onChanged }: Props) {
  const { t } = useTranslation();
  const close = useMutation({
    mutationFn: async (deferred: boolean) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/decisions/{decisionId}/close', {
          params: { path: { councilId, meetingId, decisionId: decision.id } },
          body: {
            version: decision.version,
            ...(deferred ? { outcome: 'deferred' as const } : {}),
          },
        }),
      ),
    onSuccess: (closed) =>
      onChanged(
        t('session.closedNow', {
          outcome: t(`session.outcome.${closed.outcome ?? 'deferred'}`),
        }),
      ),
    // Someone else changed it (an objection, a closing): the list shows the current one.
    onError: () => onChanged(''),
  });
  return (
    <div className="decision-moves">
      <h4>{t('session.closeTitle')}</h4>
      <p className="muted small">{t('session.closeHelp')}</p>
      <div className="moves">
        <button type="button" className="button" onClick={() => !close.isPending && close.mutate(false)}>
          {t('session.close')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => !close.isPending && close.mutate(true)}>
          {t('session.defer')}
        </button>
      </div>
      <Refusal error={close.error} />
    </div>
  );
}
