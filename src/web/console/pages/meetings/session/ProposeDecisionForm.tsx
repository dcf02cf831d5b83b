import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { type AgendaItem, fieldErrors, Refusal } from '../meeting-bits';
import { filledTexts, TextsFields } from './session-bits';

interface Props {
  councilId: string;
  meetingId: string;
  items: readonly AgendaItem[];
  languages: readonly string[];
  onProposed: (message: string) => void;
}

/** The secretariat proposes a decision on a scheduled agenda item: the item, then the text in each working language. */
export function ProposeDecisionForm({ councilId, meetingId, items, languages, onProposed }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const scheduled = items.filter((i) => i.status === 'scheduled');
  const preferred = scheduled.find((i) => i.purpose === 'decision') ?? scheduled[0];
  const [itemId, setItemId] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const chosen = itemId || preferred?.id || '';
  const title = (i: AgendaItem) => localized(i.title, i18n.language, languages);

  const propose = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items/{itemId}/decisions', {
          params: { path: { councilId, meetingId, itemId: chosen } },
          body: { text: filledTexts(texts) },
        }),
      ),
    onSuccess: () => {
      const item = scheduled.find((i) => i.id === chosen);
      setTexts({});
      onProposed(t('session.proposed', { item: item ? title(item) : '' }));
    },
  });
  const errors = fieldErrors(propose.error);
  const textError = missing ? t('session.textRequired') : errors.text;

  if (scheduled.length === 0) return <p className="muted">{t('session.noItems')}</p>;
  return (
    <form
      className="form card session-propose"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const none = Object.keys(filledTexts(texts)).length === 0;
        setMissing(none);
        if (none) {
          first.current?.focus();
          return;
        }
        if (!propose.isPending) propose.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{t('session.proposeTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-item`}>{t('session.itemLabel')}</label>
        <select id={`${id}-item`} value={chosen} onChange={(e) => setItemId(e.target.value)}>
          {scheduled.map((i) => (
            <option key={i.id} value={i.id}>
              {t('session.itemOption', {
                position: i.position,
                title: title(i),
              })}
            </option>
          ))}
        </select>
      </div>
      <TextsFields
        legend={t('session.textLegend')}
        labelKey="session.textIn"
        languages={languages}
        value={texts}
        onChange={setTexts}
        error={textError}
        firstRef={first}
      />
      {propose.error && !errors.text ? <Refusal error={propose.error} /> : null}
      <button type="submit" className="button">
        {t('session.propose')}
      </button>
    </form>
  );
}
