import { useTranslation } from 'react-i18next';
import { localized } from '../../../components/LocalizedText';
import { DateTimeText } from '../../../components/Time';
import { languageName } from '../../../i18n/i18n';
import type { Agenda, Meeting } from '../meeting-bits';
import { type Participant, useNow } from './agenda-data';
import { papersOverdue } from './ItemPapers';

interface Props {
  meeting: Meeting;
  agenda: Agenda;
  languages: readonly string[];
  participants: Participant[];
}

/**
 * Papers due: by the meeting's papers deadline, who (the presenter's delegation) still owes which item's paper in
 * which working language; items without a presenter are the secretariat's to complete. Late papers are marked on
 * their items.
 */
export function PapersDue({ meeting, agenda, languages, participants }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const owed = agenda.items.filter((i) => i.status === 'scheduled' && i.papersMissing && i.papersMissing.length > 0);
  if (agenda.items.every((i) => i.papers === undefined) || agenda.items.length === 0) return null;
  const byPresenter = new Map<string | null, typeof owed>();
  for (const item of owed) byPresenter.set(item.presenterParticipantId, [...(byPresenter.get(item.presenterParticipantId) ?? []), item]);
  const name = (id: string | null) =>
    id === null ? t('agenda.papers.noPresenter') : (participants.find((p) => p.id === id)?.name ?? t('meetings.agenda.unknownPresenter'));
  const late = agenda.items.reduce((n, i) => n + (i.papers ?? []).filter((p) => p.late).length, 0);
  const overdue = papersOverdue(meeting, now);
  return (
    <section className="papers-due card" aria-labelledby="papers-due-title">
      <h3 id="papers-due-title">{t('agenda.papers.title')}</h3>
      <p>
        {t(overdue ? 'agenda.papers.deadlinePassed' : 'agenda.papers.deadline')}{' '}
        <DateTimeText value={meeting.deadlines.papersBy} zone={meeting.timeZone} zoneKind="meeting" />
      </p>
      <p aria-live="polite" className="papers-due-count">
        {owed.length === 0 ? t('agenda.papers.allIn') : t('agenda.papers.itemsOwing', { count: owed.length })}
        {late > 0 && ` ${t('agenda.papers.lateCount', { count: late })}`}
      </p>
      {owed.length > 0 && (
        <ul className="plain-list papers-owing">
          {[...byPresenter.entries()].map(([presenter, items]) => (
            <li key={presenter ?? 'none'}>
              <strong>{name(presenter)}</strong>
              {overdue && <span className="badge badge-overdue">{t('agenda.papers.overdue')}</span>}
              <ul>
                {items.map((item) => (
                  <li key={item.id}>
                    {t('agenda.papers.owes', {
                      position: item.position,
                      title: localized(item.title, i18n.language, languages),
                      languages: (item.papersMissing ?? []).map((l) => languageName(l, i18n.language)).join(', '),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
