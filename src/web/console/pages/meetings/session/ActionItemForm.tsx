import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DateTime } from 'luxon';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { localized } from '../../../components/LocalizedText';
import { fieldErrors, Refusal } from '../meeting-bits';
import { useBodies } from '../MeetingsPage';
import { filledTexts, TextsFields, useDelegations } from './session-bits';

type OwnerKind = 'delegation' | 'body' | 'presidency';
const OWNER_KINDS: readonly OwnerKind[] = ['delegation', 'body', 'presidency'];

interface Props {
  councilId: string;
  decisionId: string;
  languages: readonly string[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * "Create action item" from an adopted decision (POST /councils/{id}/decisions/{id}/action-items): the owner (a
 * delegation, a body, or whoever holds the presidency), the due date as a plain date of the council's calendar,
 * the title in each working language. The item's page is linked once it is made.
 */
export function ActionItemForm({ councilId, decisionId, languages, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { council } = useCurrentCouncil();
  const delegations = useDelegations(councilId);
  const bodies = useBodies(councilId);
  const today = DateTime.now()
    .setZone(council?.timeZone ?? 'UTC')
    .toISODate()!;
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('delegation');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [made, setMade] = useState<{ id: string; title: string } | null>(null);
  const first = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const owners = ownerKind === 'delegation' ? (delegations.data ?? []) : ownerKind === 'body' ? (bodies.data ?? []) : [];

  const create = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/decisions/{decisionId}/action-items', {
          params: { path: { councilId, decisionId } },
          body: {
            items: [
              {
                title: filledTexts(titles),
                ownerKind,
                ...(ownerKind === 'delegation' ? { ownerDelegationId: owner } : {}),
                ...(ownerKind === 'body' ? { ownerBodyId: owner } : {}),
                dueDate,
                priority: 'normal',
              },
            ],
          },
        }),
      ).items,
    onSuccess: (items) => {
      const title = localized(items[0]?.title, i18n.language, languages);
      setMade({ id: items[0]!.id, title });
      setTitles({});
      onDone(t('session.item.created', { title }));
    },
  });
  const errors = fieldErrors(create.error);
  const err = (field: string) => (missing.includes(field) ? t(`session.item.${field}Required`) : (errors[`items.0.${field}`] ?? errors[field]));
  const ownerField = ownerKind === 'delegation' ? 'ownerDelegationId' : 'ownerBodyId';

  if (made) {
    return (
      <div className="notice session-made">
        <p>{t('session.item.created', { title: made.title })}</p>
        <p>
          <Link to="/items/$itemId" params={{ itemId: made.id }}>
            {t('session.item.open', { title: made.title })}
          </Link>
        </p>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('session.item.done')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="form session-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const gaps = [
          ...(Object.keys(filledTexts(titles)).length === 0 ? ['title'] : []),
          ...(ownerKind !== 'presidency' && !owner ? ['owner'] : []),
          ...(!dueDate ? ['dueDate'] : []),
        ];
        setMissing(gaps);
        if (gaps.length > 0) {
          if (gaps[0] === 'title') first.current?.focus();
          return;
        }
        if (!create.isPending) create.mutate();
      }}
    >
      <h4 id={`${id}-title`}>{t('session.item.title')}</h4>
      <TextsFields
        legend={t('session.item.titles')}
        labelKey="session.item.titleIn"
        languages={languages}
        value={titles}
        onChange={setTitles}
        error={err('title')}
        maxLength={500}
        multiline={false}
        firstRef={first}
      />
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('session.item.ownerKind')}</label>
        <select
          id={`${id}-kind`}
          value={ownerKind}
          onChange={(e) => {
            setOwnerKind(e.target.value as OwnerKind);
            setOwner('');
          }}
        >
          {OWNER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`session.item.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {ownerKind !== 'presidency' && (
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('session.item.owner')}</label>
          <select
            id={`${id}-owner`}
            value={owner}
            aria-invalid={err('owner') || errors[`items.0.${ownerField}`] ? true : undefined}
            aria-describedby={err('owner') ? `${id}-owner-error` : undefined}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value="">{t('session.item.chooseOwner')}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {(err('owner') || errors[`items.0.${ownerField}`]) && (
            <p id={`${id}-owner-error`} className="field-error">
              {err('owner') ?? errors[`items.0.${ownerField}`]}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('session.item.dueDate')}</label>
        <input
          id={`${id}-due`}
          type="date"
          min={today}
          value={dueDate}
          aria-invalid={err('dueDate') ? true : undefined}
          aria-describedby={`${id}-due-help${err('dueDate') ? ` ${id}-due-error` : ''}`}
          onChange={(e) => setDueDate(e.target.value)}
        />
        <p id={`${id}-due-help`} className="muted small">
          {t('session.item.dueHelp')}
        </p>
        {err('dueDate') && (
          <p id={`${id}-due-error`} className="field-error">
            {err('dueDate')}
          </p>
        )}
      </div>
      {create.error ? <Refusal error={create.error} /> : null}
      <div className="moves">
        <button type="submit" className="button">
          {t('session.item.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('session.cancel')}
        </button>
      </div>
    </form>
  );
}
