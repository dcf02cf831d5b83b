import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentCouncil } from '../../app/queries';

/** "My action items": a delegation's items, so not for the secretariat (no delegation seat, nothing of its own). */
export function ItemsNavLink() {
  const { t } = useTranslation();
  const { membership } = useCurrentCouncil();
  if (membership?.role === 'secretariat') return null;
  return (
    <li>
      <Link to="/items" activeProps={{ 'aria-current': 'page' }}>
        {t('nav.items')}
      </Link>
    </li>
  );
}

/** The navigation's administration links, for the council's secretariat only. */
export function AdminNavLinks() {
  const { t } = useTranslation();
  const { membership } = useCurrentCouncil();
  if (membership?.role !== 'secretariat') return null;
  return (
    <>
      <li>
        <Link to="/people" activeProps={{ 'aria-current': 'page' }}>
          {t('admin.nav.people')}
        </Link>
      </li>
      <li>
        <Link to="/reminders" activeProps={{ 'aria-current': 'page' }}>
          {t('admin.nav.reminders')}
        </Link>
      </li>
      <li>
        <Link to="/audit" activeProps={{ 'aria-current': 'page' }}>
          {t('admin.nav.audit')}
        </Link>
      </li>
    </>
  );
}
