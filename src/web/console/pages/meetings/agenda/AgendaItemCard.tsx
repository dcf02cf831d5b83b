import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LocalizedText, localized } from '../../../components/LocalizedText';
import { languageName } from '../../../i18n/i18n';
import type { Agenda, AgendaItem, Meeting } from '../meeting-bits';
import type { Participant } from './agenda-data';
import { CarriedTo, type Carried, CarryItem } from './CarryForward';
import { ItemPapers } from './ItemPapers';
import { PaperUpload } from './PaperUpload';
import { SupplementaryBadge } from './SupplementaryBadge';

interface Drag {
  start: (id: string) => void;
  end: () => void;
  /** Whether something of this list is being dragged (then the card is a drop target). */
  over: () => boolean;
  leave: () => void;
  drop: () => void;
}

interface Props {
  councilId: string;
  meeting: Meeting;
  agenda: Agenda;
  item: AgendaItem;
  index: number;
  count: number;
  languages: readonly string[];
  participants: Participant[];
  /** The secretariat on an agenda that can change: moves, papers, carry forward. */
  editable: boolean;
  /** Papers may be uploaded (the secretariat, or the presenter's delegation). */
  uploads: boolean;
  carried?: Carried;
  dropTarget: boolean;
  drag: Drag;
  buttonRef: (dir: 'up' | 'down', el: HTMLButtonElement | null) => void;
  onMove: (dir: 'up' | 'down') => void;
  onChanged: (message: string) => void;
  onCarried: (result: Carried) => void;
}

/** One item of the agenda: its title and facts, its papers, and the secretariat's controls (move, upload, carry forward). */
export function AgendaItemCard(props: Props) {
  const { councilId, meeting, agenda, item, index, count, languages, participants, editable, uploads, drag } = props;
  const { t, i18n } = useTranslation();
  const presenter = (id: string | null) =>
    id ? (participants.find((p) => p.id === id)?.name ?? t('meetings.agenda.unknownPresenter')) : t('meetings.agenda.noPresenter');
  return (
    <li
      className={props.dropTarget ? 'card agenda-item drop-target' : 'card agenda-item'}
      onDragOver={(e) => {
        if (!drag.over()) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDragLeave={drag.leave}
      onDrop={(e) => {
        e.preventDefault();
        drag.drop();
      }}
      aria-label={t('meetings.agenda.itemLabel', {
        position: index + 1,
        title: localized(item.title, i18n.language, languages),
      })}
    >
      {editable && count > 1 && (
        // A pointer's handle; keyboards and screen readers use the "Move up"/"Move down" buttons.
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title={t('meetings.agenda.drag')}
          onDragStart={(e) => {
            drag.start(item.id);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', item.id);
            const card = e.currentTarget.closest('li');
            if (card) e.dataTransfer.setDragImage(card, 20, 20);
          }}
          onDragEnd={drag.end}
        >
          ⠿ {t('meetings.agenda.drag')}
        </span>
      )}
      <h3 className="agenda-item-title" id={`agenda-item-${item.id}`}>
        <span className="agenda-position">{index + 1}.</span> <LocalizedText text={item.title} workingLanguages={languages} />
        <SupplementaryBadge item={item} />
        {item.status !== 'scheduled' && <span className="badge">{t(`meetings.agenda.itemStatus.${item.status}`)}</span>}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('meetings.agenda.purpose')}</dt>
          <dd>{t(`meetings.agenda.purposes.${item.purpose}`)}</dd>
        </div>
        <div>
          <dt>{t('meetings.agenda.presenter')}</dt>
          <dd>{presenter(item.presenterParticipantId)}</dd>
        </div>
        <div>
          <dt>{t('meetings.agenda.duration')}</dt>
          <dd>{item.minutesAllotted ? t('meetings.agenda.minutes', { count: item.minutesAllotted }) : t('meetings.agenda.noDuration')}</dd>
        </div>
        <div className="wide">
          <dt>{t('meetings.agenda.titles')}</dt>
          <dd>
            <ul className="plain-list">
              {languages.map((l) => (
                <li key={l}>
                  <span className="muted">{languageName(l, i18n.language)}:</span>{' '}
                  {item.title[l] ? <span lang={l}>{item.title[l]}</span> : <span className="muted">{t('meetings.agenda.noTitle')}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {item.papers !== undefined && (
          <div className="wide">
            <dt>{t('meetings.agenda.papers')}</dt>
            <dd>
              <ItemPapers meeting={meeting} item={item} presenter={item.presenterParticipantId ? presenter(item.presenterParticipantId) : null} />
            </dd>
          </div>
        )}
      </dl>
      {props.carried && <CarriedTo carried={props.carried} />}
      {uploads && item.status === 'scheduled' && (
        <PaperUpload councilId={councilId} meetingId={meeting.id} item={item} languages={languages} onUploaded={props.onChanged} />
      )}
      {editable && agenda.status !== 'draft' && item.status === 'scheduled' && (
        <CarryItem councilId={councilId} meeting={meeting} item={item} languages={languages} onCarried={props.onCarried} />
      )}
      {editable && (
        <div className="moves">
          <Button
            ref={(el) => props.buttonRef('up', el)}
            className="button button-secondary"
            isDisabled={index === 0}
            aria-describedby={`agenda-item-${item.id}`}
            onPress={() => props.onMove('up')}
          >
            {t('meetings.agenda.moveUp')}
          </Button>
          <Button
            ref={(el) => props.buttonRef('down', el)}
            className="button button-secondary"
            isDisabled={index === count - 1}
            aria-describedby={`agenda-item-${item.id}`}
            onPress={() => props.onMove('down')}
          >
            {t('meetings.agenda.moveDown')}
          </Button>
        </div>
      )}
    </li>
  );
}
