import { useTranslation } from 'react-i18next';
import { DateTimeText } from '../../../components/Time';
import type { Position } from './session-bits';

/** An objection or a break of silence: the same shape (a delegation, when, the reason, withdrawn or standing). */
export interface Standing {
  id: string;
  delegationName: string;
  reason: string;
  withdrawnAt: string | null;
  createdAt: string;
}

interface ListProps {
  title: string;
  none: string;
  records: readonly Standing[];
  zone?: string;
  zoneKind?: 'council' | 'meeting';
}

/** The objections (or breaks) of a decision: which delegation, when, the reason; withdrawn ones marked in words. */
export function StandingList({ title, none, records, zone, zoneKind }: ListProps) {
  const { t } = useTranslation();
  return (
    <div className="session-records">
      <h4>{title}</h4>
      {records.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="plain-list session-record-list">
          {records.map((r) => (
            <li key={r.id} className={r.withdrawnAt ? 'session-record withdrawn' : 'session-record'}>
              <p>
                <strong>{r.delegationName}</strong>{' '}
                <span className={r.withdrawnAt ? 'badge' : 'badge badge-strong'}>{r.withdrawnAt ? t('session.withdrawn') : t('session.standing')}</span>
              </p>
              <p className="session-reason">
                <span className="muted">{t('session.reason')}</span> {r.reason}
              </p>
              <p className="muted small">
                {t('session.when')} <DateTimeText value={r.createdAt} zone={zone} zoneKind={zoneKind} />
                {r.withdrawnAt && (
                  <>
                    {' · '}
                    {t('session.withdrawnAt')} <DateTimeText value={r.withdrawnAt} zone={zone} zoneKind={zoneKind} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Consultation positions: which delegation (and its kind), the position in words, the note, when. */
export function PositionList({ positions, zone, zoneKind }: { positions: readonly Position[]; zone?: string; zoneKind?: 'council' | 'meeting' }) {
  const { t } = useTranslation();
  return (
    <div className="session-records">
      <h4>{t('session.positionsTitle')}</h4>
      {positions.length === 0 ? (
        <p className="muted">{t('session.noPositions')}</p>
      ) : (
        <ul className="plain-list session-record-list">
          {positions.map((p) => (
            <li key={p.id} className="session-record">
              <p>
                <strong>{p.delegationName}</strong> <span className="muted small">({t(`session.kind.${p.participantKind}`)})</span>{' '}
                <span className="badge">{t(`session.position.${p.position}`)}</span>
              </p>
              {p.note && <p className="session-reason">{p.note}</p>}
              <p className="muted small">
                {t('session.when')} <DateTimeText value={p.updatedAt} zone={zone} zoneKind={zoneKind} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
