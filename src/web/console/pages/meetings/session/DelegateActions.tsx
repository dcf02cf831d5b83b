import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { Refusal } from '../meeting-bits';
import { type Decision, type Delegation, PositionForm, type PositionKind, ReasonForm } from './session-bits';

interface Props {
  councilId: string;
  meetingId: string;
  decision: Decision;
  own: Delegation;
  onChanged: (message: string) => void;
}

/**
 * A delegate's moves on a proposed decision: a member state objects (with a reason) or withdraws its standing
 * objection; member states and permanent participants record a consultation position. Observers have none.
 */
export function DelegateActions({ councilId, meetingId, decision, own, onChanged }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<'object' | 'position' | null>(null);
  const path = { councilId, meetingId, decisionId: decision.id };
  const mine = decision.objections.find((o) => o.delegationId === own.id && !o.withdrawnAt);
  const position = decision.positions.find((p) => p.delegationId === own.id);
  const state = own.participantKind === 'member_state';

  const object = useMutation({
    mutationFn: async (reason: string) =>
      data(await api.POST('/councils/{councilId}/meetings/{meetingId}/decisions/{decisionId}/objections', { params: { path }, body: { reason } })),
    onSuccess: () => {
      setForm(null);
      onChanged(t('session.objected'));
    },
  });
  const withdraw = useMutation({
    mutationFn: async (objectionId: string) =>
      data(
        await api.DELETE('/councils/{councilId}/meetings/{meetingId}/decisions/{decisionId}/objections/{objectionId}', {
          params: { path: { ...path, objectionId } },
        }),
      ),
    onSuccess: () => onChanged(t('session.objectionWithdrawn')),
  });
  const state_ = useMutation({
    mutationFn: async (input: { position: PositionKind; note?: string }) =>
      data(await api.POST('/councils/{councilId}/meetings/{meetingId}/decisions/{decisionId}/positions', { params: { path }, body: input })),
    onSuccess: () => {
      setForm(null);
      onChanged(t('session.positionRecorded'));
    },
  });

  if (own.participantKind === 'observer') return null;
  return (
    <div className="decision-moves">
      <h4>{t('session.yourDelegation', { delegation: own.name })}</h4>
      {form === null && (
        <div className="moves">
          {state && !mine && (
            <button type="button" className="button" onClick={() => setForm('object')}>
              {t('session.object')}
            </button>
          )}
          {state && mine && (
            <button type="button" className="button" onClick={() => !withdraw.isPending && withdraw.mutate(mine.id)}>
              {t('session.withdrawObjection')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={() => setForm('position')}>
            {position ? t('session.changePosition') : t('session.recordPosition')}
          </button>
        </div>
      )}
      {form === 'object' && (
        <ReasonForm
          title={t('session.objectTitle')}
          label={t('session.objectReason')}
          submit={t('session.objectSubmit')}
          pending={object.isPending}
          error={object.error}
          onSubmit={(reason) => object.mutate(reason)}
          onCancel={() => setForm(null)}
        />
      )}
      {form === 'position' && (
        <PositionForm
          title={t('session.positionTitle')}
          current={position}
          pending={state_.isPending}
          error={state_.error}
          onSubmit={(input) => state_.mutate(input)}
          onCancel={() => setForm(null)}
        />
      )}
      <Refusal error={withdraw.error} />
    </div>
  );
}
