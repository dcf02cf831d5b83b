import { useTranslation } from 'react-i18next';
import { DateTimeText } from '../../../components/Time';
import { languageName } from '../../../i18n/i18n';
import type { AgendaItem, Meeting } from '../meeting-bits';
import { useNow } from './agenda-data';

/** Whether the meeting's papers deadline has passed. */
export const papersOverdue = (meeting: Meeting, now: number) => Date.parse(meeting.deadlines.papersBy) < now;

/**
 * An item's papers: each one in (its language, title, file and version; "Late" when it came after the papers
 * deadline), then the working languages still missing one and who owes them — the presenter's delegation — by the
 * meeting's papers deadline (or that it has passed).
 */
export function ItemPapers({ meeting, item, presenter }: { meeting: Meeting; item: AgendaItem; presenter: string | null }) {
  const { t, i18n } = useTranslation();
  const papers = item.papers ?? [];
  const missing = item.papersMissing ?? [];
  const overdue = papersOverdue(meeting, useNow());
  return (
    <>
      {papers.length === 0 ? (
        <span className="muted">{t('meetings.agenda.noPapers')}</span>
      ) : (
        <ul className="plain-list">
          {papers.map((p) => (
            <li key={p.documentId}>
              <span className="muted">{languageName(p.language, i18n.language)}:</span> <span lang={p.language}>{p.title}</span>{' '}
              <span className="muted small">
                {t('meetings.agenda.paperFacts', {
                  file: p.fileName,
                  version: p.currentVersion,
                })}
              </span>
              {p.late && <span className="badge badge-overdue">{t('meetings.agenda.late')}</span>}
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <p className="small">
          {t('meetings.agenda.papersMissing', {
            languages: missing.map((l) => languageName(l, i18n.language)).join(', '),
          })}
        </p>
      )}
      {missing.length > 0 && item.status === 'scheduled' && (
        <p className={overdue ? 'small papers-owed papers-overdue' : 'small papers-owed'}>
          {overdue && <span className="badge badge-overdue">{t('agenda.papers.overdue')}</span>}{' '}
          {presenter ? t('agenda.papers.owedBy', { delegation: presenter }) : t('agenda.papers.owedByNobody')}{' '}
          {t(overdue ? 'agenda.papers.wasDue' : 'agenda.papers.due')}{' '}
          <DateTimeText value={meeting.deadlines.papersBy} zone={meeting.timeZone} zoneKind="meeting" />
        </p>
      )}
    </>
  );
}
