import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DocumentLink } from '../../../components/DocumentLink';
import { languageName } from '../../../i18n/i18n';
import type { Meeting } from '../meeting-bits';

/** While printing with this class on the root element, the print stylesheet shows the agenda alone (styles/documents.css). */
const PRINT_AGENDA = 'print-agenda';

/**
 * A meeting's print-ready documents: the agenda printed from the page (the API has no agenda document: a
 * print stylesheet leaves the agenda alone on paper) and the meeting pack per working language (a PDF the
 * worker builds: DocumentLink waits while the API answers 202).
 */
export function MeetingDocuments({ councilId, meeting, languages }: { councilId: string; meeting: Meeting; languages: readonly string[] }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const done = () => document.documentElement.classList.remove(PRINT_AGENDA);
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);
  return (
    <section aria-labelledby="meeting-documents-title" className="meeting-documents no-print">
      <h2 id="meeting-documents-title">{t('documents.printable')}</h2>
      <div className="document-links">
        <div className="document-link">
          <Button
            className="button button-secondary"
            onPress={() => {
              document.documentElement.classList.add(PRINT_AGENDA);
              window.print();
            }}
          >
            {t('documents.agendaPrint')}
          </Button>
        </div>
        {languages.map((l) => (
          <DocumentLink key={l} path={`/councils/${councilId}/meetings/${meeting.id}/pack.pdf?lang=${l}`} fileName={`meeting-pack-${l}.pdf`}>
            {t('documents.pack', { language: languageName(l, i18n.language) })}
          </DocumentLink>
        ))}
      </div>
    </section>
  );
}
