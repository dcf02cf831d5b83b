import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/Page';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/items">{t('nav.items')}</Link>
      </p>
    </section>
  );
}
