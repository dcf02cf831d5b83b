import { useTranslation } from 'react-i18next';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { PublicCalendar } from '../presidency/Calendar';
import { usePublicCouncil } from './public-council';

/** The public presidency calendar: the troika, past, current and next terms, the projected rotation. No sign-in. */
export function PublicPresidencyPage() {
  const { t } = useTranslation();
  const { council, isLoading, error } = usePublicCouncil();
  const title = t('publicPages.presidency');
  return (
    <section className="presidency">
      <PageHeading title={title}>{title}</PageHeading>
      {isLoading ? (
        <Loading />
      ) : !council ? (
        error ? (
          <ErrorText error={error} />
        ) : (
          <p>{t('publicPages.noCouncil')}</p>
        )
      ) : (
        <PublicCalendar councilId={council.id} zone={council.timeZone} />
      )}
    </section>
  );
}
