import { useTranslation } from 'react-i18next';
import { daysUntil } from '../../components/Time';
import { type ActionItem, DUE_SOON_DAYS, isClosed } from './status';

/** Red/amber/green in words beside its colour, with the percent; a dash without a report. */
export function Progress({ percent, rag }: { percent: number | null; rag: 'red' | 'amber' | 'green' | null }) {
  const { t } = useTranslation();
  if (percent === null && rag === null) return <span className="muted">{t('items.noProgress')}</span>;
  return (
    <span className="progress">
      {rag && (
        <span className={`rag rag-${rag}`}>
          <span className="rag-dot" aria-hidden="true" />
          {t(`rag.${rag}`)}
        </span>
      )}
      {rag && percent !== null && ' '}
      {percent !== null && <span className="percent">{t('items.percent', { percent })}</span>}
    </span>
  );
}

export type Urgency = 'overdue' | 'soon' | undefined;

export function urgency(item: ActionItem, today: string | undefined): Urgency {
  if (isClosed(item.status)) return undefined;
  if (item.overdue) return 'overdue';
  if (today && daysUntil(item.dueDate, today) <= DUE_SOON_DAYS) return 'soon';
  return undefined;
}

/** "Overdue" / "Due soon" in words (the colour only repeats it). */
export function UrgencyBadge({ value }: { value: Urgency }) {
  const { t } = useTranslation();
  if (!value) return null;
  return <span className={`badge badge-${value}`}>{t(value === 'overdue' ? 'items.overdue' : 'items.dueSoon')}</span>;
}

export function StatusText({ status }: { status: ActionItem['status'] }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
