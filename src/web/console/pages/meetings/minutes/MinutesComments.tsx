import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { localized } from '../../../components/LocalizedText';
import { Loading, ErrorText } from '../../../components/Page';
import { DateTimeText } from '../../../components/Time';
import { Refusal, fieldErrors } from '../meeting-bits';
import { byDelegation, commentsKey, type Minutes, type MinutesComment, minutesKey, useMinutesComments } from './minutes-api';

interface Props {
  councilId: string;
  minutes: Minutes;
  /** The secretariat: the comments grouped per delegation. */
  grouped: boolean;
  /** A delegate, while the minutes are circulated: the form to comment for their delegation. */
  canComment: boolean;
}

/** The delegations' comments on circulated minutes (grouped per delegation for the secretariat), and the form to add one. */
export function MinutesComments({ councilId, minutes, grouped, canComment }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const comments = useMinutesComments(councilId, minutes.meetingId, true);
  const [text, setText] = useState('');
  const [itemId, setItemId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const zone = minutes.content.meeting.timeZone;
  const languages = minutes.content.languages;
  const itemTitle = (agendaItemId: string | null) => {
    const item = agendaItemId ? minutes.content.items.find((i) => i.agendaItemId === agendaItemId) : undefined;
    return item ? `${item.position}. ${localized(item.title, i18n.language, languages)}` : undefined;
  };
  const add = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/minutes/comments', {
          params: { path: { councilId, meetingId: minutes.meetingId } },
          body: { text: text.trim(), ...(itemId ? { agendaItemId: itemId } : {}) },
        }),
      ),
    onSuccess: () => {
      setText('');
      setItemId('');
      setAnnouncement(t('minutes.commented'));
      void queryClient.invalidateQueries({ queryKey: commentsKey(councilId, minutes.meetingId) });
      void queryClient.invalidateQueries({ queryKey: minutesKey(councilId, minutes.meetingId) });
    },
    onError: () => setAnnouncement(''),
  });
  const errors = fieldErrors(add.error);
  const items = comments.data?.items ?? [];

  const entry = (c: MinutesComment, withDelegation: boolean) => (
    <li key={c.id} className="minutes-comment">
      <p className="minutes-comment-meta small">
        {withDelegation && <strong>{c.delegationName}</strong>}
        {withDelegation && ' · '}
        {c.authorName ?? t('minutes.formerAuthor')} · <DateTimeText value={c.createdAt} zone={zone} zoneKind="meeting" />
        {c.agendaItemId && (
          <>
            {' · '}
            {t('minutes.onItem', { item: itemTitle(c.agendaItemId) ?? '' })}
          </>
        )}
      </p>
      <p className="minutes-comment-text">{c.text}</p>
    </li>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="minutes-comments">
      <h3 id={`${id}-title`}>{t('minutes.commentsTitle')}</h3>
      <p role="status" className="muted">
        {comments.data ? t('minutes.commentsCount', { count: items.length }) : ''}
      </p>
      {comments.isLoading ? (
        <Loading />
      ) : comments.error ? (
        <ErrorText error={comments.error} />
      ) : items.length === 0 ? null : grouped ? (
        <div className="minutes-comment-groups">
          {byDelegation(items).map((g) => (
            <section key={g.delegationId} aria-labelledby={`${id}-d-${g.delegationId}`} className="card">
              <h4 id={`${id}-d-${g.delegationId}`}>{t('minutes.delegationComments', { delegation: g.delegationName, count: g.comments.length })}</h4>
              <ul className="plain-list">{g.comments.map((c) => entry(c, false))}</ul>
            </section>
          ))}
        </div>
      ) : (
        <ul className="plain-list">{items.map((c) => entry(c, true))}</ul>
      )}
      {canComment && (
        <Form
          className="form card"
          aria-labelledby={`${id}-form-title`}
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() && !add.isPending) add.mutate();
          }}
        >
          <h4 id={`${id}-form-title`}>{t('minutes.commentTitle')}</h4>
          <div className="field">
            <label htmlFor={`${id}-item`}>{t('minutes.commentItem')}</label>
            <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
              <option value="">{t('minutes.commentWhole')}</option>
              {minutes.content.items.map((i) => (
                <option key={i.agendaItemId} value={i.agendaItemId}>
                  {itemTitle(i.agendaItemId)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('minutes.commentText')}</label>
            <textarea id={`${id}-text`} rows={4} maxLength={4000} required value={text} onChange={(e) => setText(e.target.value)} />
            {errors.text && <p className="field-error">{errors.text}</p>}
          </div>
          <Button type="submit" className="button">
            {t('minutes.sendComment')}
          </Button>
          <p role="status" className="announce notice">
            {announcement}
          </p>
          <Refusal error={add.error} zone={zone} />
        </Form>
      )}
    </section>
  );
}
