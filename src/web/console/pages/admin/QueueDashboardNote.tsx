import { useTranslation } from 'react-i18next';

/**
 * The work-queue dashboard (/admin/queues, read-only) is served by the API behind the bearer token: a link
 * opened in the browser does not carry the token (the console keeps it in memory, never in a cookie), so
 * the page says how to reach it.
 */
export function QueueDashboardNote() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="queue-dashboard-title" className="card queue-dashboard">
      <h2 id="queue-dashboard-title">{t('admin.queues.title')}</h2>
      <p>
        <a href="/admin/queues" target="_blank" rel="noreferrer">
          {t('admin.queues.link')}
        </a>
      </p>
      <p className="muted small">{t('admin.queues.tokenNeeded')}</p>
    </section>
  );
}
