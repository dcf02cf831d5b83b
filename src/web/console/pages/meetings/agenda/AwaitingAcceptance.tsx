import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../components/LocalizedText';
import { type AgendaItem, Refusal } from '../meeting-bits';
import type { NewItem } from './AddItemForm';

interface Props {
  item: NewItem;
  /** The API's refusal of the item without the chair's acceptance (its reason, with the deadline). */
  reason: unknown;
  zone: string;
  languages: readonly string[];
  isChair: boolean;
  accept: () => Promise<AgendaItem>;
  onAccepted: (item: AgendaItem) => void;
  onDiscard: () => void;
}

/**
 * An item proposed after the supplementary deadline: "Supplementary — awaiting the chair's acceptance", the API's
 * reason, and for the chair an "Accept" button (sent with acceptedByChair: true; a refusal shows the API's reason).
 */
export function AwaitingAcceptance({ item, reason, zone, languages, isChair, accept, onAccepted, onDiscard }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const accepting = useMutation({ mutationFn: accept, onSuccess: onAccepted });
  useEffect(() => heading.current?.focus(), []);
  const title = localized(item.title, i18n.language, languages);
  return (
    <section className="card awaiting-acceptance" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        <span className="badge badge-supplementary">{t('agenda.supplementary.awaiting')}</span> {title}
      </h3>
      <p className="muted small">{t(`meetings.agenda.purposes.${item.purpose}`)}</p>
      <Refusal error={accepting.error ?? reason} zone={zone} />
      {!isChair && <p>{t('agenda.supplementary.chairOnly')}</p>}
      <div className="moves">
        {isChair && (
          <Button className="button" aria-describedby={`${id}-h`} onPress={() => !accepting.isPending && accepting.mutate()}>
            {t('agenda.supplementary.accept')}
          </Button>
        )}
        <Button className="button button-quiet" aria-describedby={`${id}-h`} onPress={onDiscard}>
          {t('agenda.supplementary.discard')}
        </Button>
      </div>
    </section>
  );
}
