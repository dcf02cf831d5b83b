import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedText, localized } from '../../../components/LocalizedText';
import { DateTimeText } from '../../../components/Time';
import { languageName } from '../../../i18n/i18n';
import type { AgendaItem, Meeting } from '../meeting-bits';
import { ActionItemForm } from './ActionItemForm';
import { CloseDecision } from './CloseDecision';
import { DelegateActions } from './DelegateActions';
import { PositionList, StandingList } from './records';
import type { Decision, Delegation } from './session-bits';

interface Props {
  councilId: string;
  meeting: Meeting;
  decision: Decision;
  item?: AgendaItem;
  languages: readonly string[];
  manages: boolean;
  own?: Delegation;
  onChanged: (message: string) => void;
}

/** One decision: its agenda item, text (each working language), status or outcome, objections, positions, and the moves. */
export function DecisionCard({ councilId, meeting, decision: d, item, languages, manages, own, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const open = meeting.status === 'in_session' && d.status === 'proposed';
  const zone = meeting.timeZone;
  const itemTitle = item ? localized(item.title, i18n.language, languages) : '';
  const standing = d.objections.filter((o) => !o.withdrawnAt).length;

  return (
    <article className="card decision" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {item
          ? t('session.decisionOn', {
              position: item.position,
              title: itemTitle,
            })
          : t('session.decision')}
      </h3>
      <p className="decision-text">
        <LocalizedText text={d.text} workingLanguages={languages} />
      </p>
      {Object.keys(d.text).length > 1 && (
        <details className="decision-languages">
          <summary>{t('session.allLanguages')}</summary>
          <ul className="plain-list">
            {languages
              .filter((l) => d.text[l])
              .map((l) => (
                <li key={l}>
                  <span className="muted">{languageName(l, i18n.language)}:</span> <span lang={l}>{d.text[l]}</span>
                </li>
              ))}
          </ul>
        </details>
      )}
      <p className="decision-status">
        <span className={`status decision-${d.outcome ?? d.status}`}>
          {d.status === 'proposed'
            ? t('session.status.proposed')
            : t('session.closedAs', {
                outcome: t(`session.outcome.${d.outcome ?? 'deferred'}`),
              })}
        </span>{' '}
        {d.status === 'proposed' && <span className="muted">{t('session.standingCount', { count: standing })}</span>}
      </p>
      {d.closedAt && (
        <p className="muted small">
          {t('session.closedAt')} <DateTimeText value={d.closedAt} zone={zone} zoneKind="meeting" />
        </p>
      )}
      {d.quorum && (
        <p className="muted small">
          {t('session.quorumAtClosing', {
            present: d.quorum.memberStatesPresent,
            total: d.quorum.activeMemberStates,
            required: d.quorum.required,
          })}
        </p>
      )}
      <StandingList title={t('session.objectionsTitle')} none={t('session.noObjections')} records={d.objections} zone={zone} zoneKind="meeting" />
      <PositionList positions={d.positions} zone={zone} zoneKind="meeting" />
      {open && own && <DelegateActions councilId={councilId} meetingId={meeting.id} decision={d} own={own} onChanged={onChanged} />}
      {open && manages && <CloseDecision councilId={councilId} meetingId={meeting.id} decision={d} onChanged={onChanged} />}
      {manages && d.outcome === 'adopted' && (
        <div className="decision-follow-up">
          {creating ? (
            <ActionItemForm councilId={councilId} decisionId={d.id} languages={languages} onDone={onChanged} onCancel={() => setCreating(false)} />
          ) : (
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('session.createActionItem')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
