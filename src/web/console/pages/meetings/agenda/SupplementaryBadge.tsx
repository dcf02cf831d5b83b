import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../meeting-bits';

/** A supplementary item's mark: added after circulation, and accepted by the chair when it came after the deadline. */
export function SupplementaryBadge({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (!item.supplementary) return null;
  return (
    <span className="badge badge-supplementary">{item.acceptedByChair ? t('agenda.supplementary.acceptedBadge') : t('meetings.agenda.supplementary')}</span>
  );
}
