import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The three public pages' links, for the sign-in page (a plain list: the sign-in page has no navigation landmark). */
export function PublicLinks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="public-links-title" className="card narrow public-links">
      <h2 id="public-links-title">{t('publicPages.title')}</h2>
      <p className="muted">{t('publicPages.intro')}</p>
      <ul className="plain-list">
        <li>
          <Link to="/public/presidency">{t('publicPages.presidency')}</Link>
        </li>
        <li>
          <Link to="/public/decisions">{t('publicPages.decisions')}</Link>
        </li>
        <li>
          <Link to="/public/minutes">{t('publicPages.minutes')}</Link>
        </li>
      </ul>
    </section>
  );
}
