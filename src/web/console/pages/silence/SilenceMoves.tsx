import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Refusal } from '../meetings/meeting-bits';
import { type Delegation, PositionForm, type PositionKind, ReasonForm } from '../meetings/session/session-bits';
import type { SilenceProcedure } from './silence-bits';

interface Props {
  councilId: string;
  procedure: SilenceProcedure;
  own: Delegation;
  onChanged: (message: string) => void;
}

/** A delegate's moves before the deadline: a member state breaks silence (with a reason) or withdraws its break; a position. */
export function SilenceMoves({ councilId, procedure, own, onChanged }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<'break' | 'position' | null>(null);
  const path = { councilId, decisionId: procedure.id };
  const mine = procedure.breaks.find((b) => b.delegationId === own.id && !b.withdrawnAt);
  const position = procedure.positions.find((p) => p.delegationId === own.id);
  const state = own.participantKind === 'member_state';

  const breakSilence = useMutation({
    mutationFn: async (reason: string) =>
      data(await api.POST('/councils/{councilId}/silence-procedures/{decisionId}/break', { params: { path }, body: { reason } })),
    onSuccess: () => {
      setForm(null);
      onChanged(t('silence.brokenNow'));
    },
  });
  const withdraw = useMutation({
    mutationFn: async () => data(await api.DELETE('/councils/{councilId}/silence-procedures/{decisionId}/break', { params: { path } })),
    onSuccess: () => onChanged(t('silence.withdrawnNow')),
  });
  const statePosition = useMutation({
    mutationFn: async (input: { position: PositionKind; note?: string }) =>
      data(await api.POST('/councils/{councilId}/silence-procedures/{decisionId}/positions', { params: { path }, body: input })),
    onSuccess: () => {
      setForm(null);
      onChanged(t('session.positionRecorded'));
    },
  });

  if (own.participantKind === 'observer') return null;
  return (
    <section aria-labelledby="silence-moves-title" className="decision-moves">
      <h2 id="silence-moves-title">{t('session.yourDelegation', { delegation: own.name })}</h2>
      {form === null && (
        <div className="moves">
          {state && !mine && (
            <button type="button" className="button" onClick={() => setForm('break')}>
              {t('silence.break')}
            </button>
          )}
          {state && mine && (
            <button type="button" className="button" onClick={() => !withdraw.isPending && withdraw.mutate()}>
              {t('silence.withdrawBreak')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setForm('position')}>
            {position ? t('session.changePosition') : t('session.recordPosition')}
          </button>
        </div>
      )}
      {form === 'break' && (
        <ReasonForm
          title={t('silence.breakTitle')}
          label={t('silence.breakReason')}
          submit={t('silence.breakSubmit')}
          pending={breakSilence.isPending}
          error={breakSilence.error}
          onSubmit={(reason) => breakSilence.mutate(reason)}
          onCancel={() => setForm(null)}
        />
      )}
      {form === 'position' && (
        <PositionForm
          title={t('session.positionTitle')}
          current={position}
          pending={statePosition.isPending}
          error={statePosition.error}
          onSubmit={(input) => statePosition.mutate(input)}
          onCancel={() => setForm(null)}
        />
      )}
      <Refusal error={withdraw.error} />
    </section>
  );
}
