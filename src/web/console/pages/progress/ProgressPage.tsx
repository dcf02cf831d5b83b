import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { DocumentLink } from '../../components/DocumentLink';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { PlainDate } from '../../components/Time';

/** Produces a progress report of the council now (the secretariat) and names its PDF (rendered from the frozen snapshot). */
async function progressReportDocument(councilId: string): Promise<string> {
  const report = data(await api.POST('/councils/{councilId}/progress-reports', { params: { path: { councilId } }, body: {} }));
  return `/councils/${councilId}/progress-reports/${report.id}/document.pdf`;
}

/** The recommendations' progress roll-up (GET /councils/{id}/recommendations/progress): overall, then one row per recommendation. */
export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const { membership } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const progress = useQuery({
    queryKey: ['recommendations-progress', councilId],
    enabled: councilId !== undefined,
    queryFn: async () => data(await api.GET('/councils/{councilId}/recommendations/progress', { params: { path: { councilId: councilId! } } })),
  });
  const title = t('progress.title');
  const percent = (value: number | null) =>
    value === null ? t('progress.noItems') : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value) + ' %';
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/items">{t('item.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {progress.isLoading || !councilId ? (
        <Loading />
      ) : !progress.data ? (
        <ErrorText error={progress.error} />
      ) : (
        <>
          <p className="lead">
            {t('progress.overall', { completed: progress.data.overall.completed, total: progress.data.overall.total, overdue: progress.data.overall.overdue })}{' '}
            <strong>{percent(progress.data.overall.completionPercent)}</strong>
          </p>
          <p className="muted small">
            {t('items.today')} <PlainDate value={progress.data.today} />
          </p>
          {membership?.role === 'secretariat' && (
            <DocumentLink path={() => progressReportDocument(councilId)} fileName="progress-report.pdf">
              {t('documents.progressReport')}
            </DocumentLink>
          )}
          {progress.data.items.length === 0 ? (
            <p>{t('progress.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="items">
                <caption>{t('progress.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('progress.colRecommendation')}</th>
                    <th scope="col">{t('progress.colDone')}</th>
                    <th scope="col">{t('progress.colPercent')}</th>
                    <th scope="col">{t('progress.colOverdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.data.items.map((r) => (
                    <tr key={r.recommendationId}>
                      <td data-label={t('progress.colRecommendation')}>
                        <span className="muted">
                          {r.focusAreaCode} {r.number}
                        </span>{' '}
                        {r.title}
                      </td>
                      <td data-label={t('progress.colDone')}>{t('progress.doneOf', { completed: r.completed, total: r.total })}</td>
                      <td data-label={t('progress.colPercent')}>
                        <meter className="meter" aria-hidden="true" min={0} max={100} value={r.completionPercent ?? 0} /> {percent(r.completionPercent)}
                      </td>
                      <td data-label={t('progress.colOverdue')}>
                        {r.overdue > 0 ? <span className="badge badge-overdue">{t('progress.overdueCount', { count: r.overdue })}</span> : '0'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
