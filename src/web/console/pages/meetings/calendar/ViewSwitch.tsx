import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import '../../../styles/scheduling.css';

/** "Calendar | List": the two views of the council's meetings, links, the current one marked (aria-current). */
export function ViewSwitch({ current }: { current: 'calendar' | 'list' }) {
  const { t } = useTranslation();
  return (
    // Not a <nav> landmark: the main navigation stays the page's only one.
    <div role="group" aria-label={t('meetingCalendar.views')} className="view-switch">
      <ul>
        <li>
          <Link to="/meetings/calendar" aria-current={current === 'calendar' ? 'page' : undefined} activeOptions={{ exact: true }}>
            {t('meetingCalendar.calendarView')}
          </Link>
        </li>
        <li>
          <Link to="/meetings" aria-current={current === 'list' ? 'page' : undefined} activeOptions={{ exact: true }}>
            {t('meetingCalendar.listView')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
