import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { LocalizedText, localized } from '../../components/LocalizedText';
import { ErrorText, Loading } from '../../components/Page';
import { DateTimeText } from '../../components/Time';
import { languageName } from '../../i18n/i18n';
import { type Agenda, type AgendaItem, fieldErrors, type Meeting, type MeetingStatus, PURPOSES, Refusal, refusal } from './meeting-bits';

/** Meeting statuses in which the API lets the agenda change (agenda-rules.ts). */
const OPEN: readonly MeetingStatus[] = ['draft', 'convened', 'agenda_circulated', 'in_session', 'postponed'];

interface Props {
  councilId: string;
  meeting: Meeting;
  languages: readonly string[];
  manages: boolean;
}

/**
 * The agenda builder: the items in order (purpose, presenter, duration, the title in each working language, the
 * papers per language and the languages still missing one); "Move up"/"Move down" on each item change the order
 * on the page (announced in a live region) until "Save order" sends it; a form adds an item at the end; the draft
 * agenda of a convened meeting is circulated from here.
 */
export function AgendaBuilder({ councilId, meeting, languages, manages }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const meetingId = meeting.id;
  const key = ['agenda', councilId, meetingId];
  const [order, setOrder] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const dragged = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const focusNext = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const agenda = useQuery({
    queryKey: key,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/meetings/{meetingId}/agenda', {
          params: { path: { councilId, meetingId } },
        }),
      ),
  });
  const participants = useQuery({
    queryKey: ['participants', councilId],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      data(
        await api.GET('/councils/{councilId}/participants', {
          params: { path: { councilId } },
        }),
      ).items,
  });

  function saved(next: Agenda, message: string) {
    queryClient.setQueryData(key, next);
    setOrder(null);
    setAnnouncement(message);
  }
  /** A refused change: the announcement goes; when someone else changed the agenda, the page shows the current one. */
  function stale(error: unknown) {
    setAnnouncement('');
    if (refusal(error)?.code === 'STALE_VERSION') void agenda.refetch();
  }
  const reorder = useMutation({
    mutationFn: async (itemIds: string[]) =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/reorder', {
          params: { path: { councilId, meetingId } },
          body: { version: agenda.data!.version, itemIds },
        }),
      ),
    onSuccess: (next) => saved(next, t('meetings.agenda.orderSaved')),
    onError: stale,
  });
  const circulate = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/circulate', {
          params: { path: { councilId, meetingId } },
          body: { version: agenda.data!.version },
        }),
      ),
    onSuccess: (next) => {
      saved(next, t('meetings.agenda.circulatedNow'));
      void queryClient.invalidateQueries({
        queryKey: ['meeting', councilId, meetingId],
      });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onError: stale,
  });

  // After a move, the focus stays on the pressed button of the moved item (or its other button at an end).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const ids = order ?? [];
    const at = ids.indexOf(target.id);
    const dir = target.dir === 'up' && at === 0 ? 'down' : target.dir === 'down' && at === ids.length - 1 ? 'up' : target.dir;
    buttons.current.get(`${target.id}:${dir}`)?.focus();
  }, [order]);

  if (agenda.isLoading) return <Loading />;
  if (agenda.error || !agenda.data) return <ErrorText error={agenda.error} />;
  const a = agenda.data;
  const byId = new Map(a.items.map((i) => [i.id, i]));
  const ids = order && order.length === a.items.length && order.every((id) => byId.has(id)) ? order : a.items.map((i) => i.id);
  const items = ids.map((id) => byId.get(id)!);
  const dirty = ids.some((id, i) => a.items[i]?.id !== id);
  const editable = manages && OPEN.includes(meeting.status);
  const presenter = (id: string | null) =>
    id ? (participants.data?.find((p) => p.id === id)?.name ?? t('meetings.agenda.unknownPresenter')) : t('meetings.agenda.noPresenter');
  const itemTitle = (item: AgendaItem) => localized(item.title, i18n.language, languages);

  function moveItem(id: string, dir: 'up' | 'down') {
    const at = ids.indexOf(id);
    const to = dir === 'up' ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ids.length) return;
    const next = [...ids];
    [next[at], next[to]] = [next[to]!, next[at]!];
    focusNext.current = { id, dir };
    setOrder(next);
    reorder.reset();
    setAnnouncement(
      t('meetings.agenda.movedTo', {
        title: itemTitle(byId.get(id)!),
        position: to + 1,
        total: ids.length,
      }),
    );
  }

  /** Drag and drop (a pointer's alternative to the buttons): the dragged item takes the place of the one it is dropped on. */
  function dropOn(targetId: string) {
    const id = dragged.current;
    dragged.current = null;
    setDropTarget(null);
    if (!id || id === targetId) return;
    const next = ids.filter((x) => x !== id);
    const to = ids.indexOf(targetId);
    next.splice(to, 0, id);
    setOrder(next);
    reorder.reset();
    setAnnouncement(t('meetings.agenda.movedTo', { title: itemTitle(byId.get(id)!), position: to + 1, total: ids.length }));
  }

  return (
    <section aria-labelledby="agenda-title" className="agenda">
      <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
      <p>
        {t('meetings.agenda.status')} <strong>{t(`meetings.agenda.statuses.${a.status}`)}</strong>
        {a.circulatedAt && (
          <>
            {' · '}
            {t('meetings.agenda.circulatedAt')} <DateTimeText value={a.circulatedAt} zone={meeting.timeZone} zoneKind="meeting" />
          </>
        )}
      </p>
      {a.supplementaryDeadline && (
        <p className="muted">
          {t('meetings.agenda.supplementaryDeadline')} <DateTimeText value={a.supplementaryDeadline} zone={meeting.timeZone} zoneKind="meeting" />
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('meetings.agenda.empty')}</p>
      ) : (
        <ol className="plain-list agenda-items" aria-label={t('meetings.agenda.itemsLabel')}>
          {items.map((item, index) => (
            <li
              key={item.id}
              className={dropTarget === item.id ? 'card agenda-item drop-target' : 'card agenda-item'}
              onDragOver={(e) => {
                if (!dragged.current) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (dropTarget !== item.id) setDropTarget(item.id);
              }}
              onDragLeave={() => dropTarget === item.id && setDropTarget(null)}
              onDrop={(e) => {
                e.preventDefault();
                dropOn(item.id);
              }}
              aria-label={t('meetings.agenda.itemLabel', {
                position: index + 1,
                title: itemTitle(item),
              })}
            >
              {editable && items.length > 1 && (
                // A pointer's handle; keyboards and screen readers use the "Move up"/"Move down" buttons.
                <span
                  className="drag-handle"
                  draggable
                  aria-hidden="true"
                  title={t('meetings.agenda.drag')}
                  onDragStart={(e) => {
                    dragged.current = item.id;
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', item.id);
                    const card = e.currentTarget.closest('li');
                    if (card) e.dataTransfer.setDragImage(card, 20, 20);
                  }}
                  onDragEnd={() => {
                    dragged.current = null;
                    setDropTarget(null);
                  }}
                >
                  ⠿ {t('meetings.agenda.drag')}
                </span>
              )}
              <h3 className="agenda-item-title" id={`agenda-item-${item.id}`}>
                <span className="agenda-position">{index + 1}.</span> <LocalizedText text={item.title} workingLanguages={languages} />
                {item.supplementary && <span className="badge">{t('meetings.agenda.supplementary')}</span>}
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
                  <dd>
                    {item.minutesAllotted
                      ? t('meetings.agenda.minutes', {
                          count: item.minutesAllotted,
                        })
                      : t('meetings.agenda.noDuration')}
                  </dd>
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
                      {item.papers.length === 0 ? (
                        <span className="muted">{t('meetings.agenda.noPapers')}</span>
                      ) : (
                        <ul className="plain-list">
                          {item.papers.map((p) => (
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
                      {item.papersMissing && item.papersMissing.length > 0 && (
                        <p className="small">
                          {t('meetings.agenda.papersMissing', {
                            languages: item.papersMissing.map((l) => languageName(l, i18n.language)).join(', '),
                          })}
                        </p>
                      )}
                    </dd>
                  </div>
                )}
              </dl>
              {editable && item.status === 'scheduled' && (
                <PaperUpload
                  councilId={councilId}
                  meetingId={meetingId}
                  item={item}
                  languages={languages}
                  onUploaded={(message) => {
                    setAnnouncement(message);
                    void queryClient.invalidateQueries({ queryKey: key });
                  }}
                />
              )}
              {editable && (
                <div className="moves">
                  <Button
                    ref={(el) => void (el ? buttons.current.set(`${item.id}:up`, el) : buttons.current.delete(`${item.id}:up`))}
                    className="button button-secondary"
                    isDisabled={index === 0}
                    aria-describedby={`agenda-item-${item.id}`}
                    onPress={() => moveItem(item.id, 'up')}
                  >
                    {t('meetings.agenda.moveUp')}
                  </Button>
                  <Button
                    ref={(el) => void (el ? buttons.current.set(`${item.id}:down`, el) : buttons.current.delete(`${item.id}:down`))}
                    className="button button-secondary"
                    isDisabled={index === items.length - 1}
                    aria-describedby={`agenda-item-${item.id}`}
                    onPress={() => moveItem(item.id, 'down')}
                  >
                    {t('meetings.agenda.moveDown')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <p role="status" aria-live="polite" className="announce notice">
        {announcement}
      </p>
      <Refusal error={reorder.error ?? circulate.error} zone={meeting.timeZone} />
      {editable && (
        <div className="moves agenda-actions">
          {items.length > 1 && (
            <Button className="button" onPress={() => dirty && !reorder.isPending && reorder.mutate(ids)}>
              {t('meetings.agenda.saveOrder')}
            </Button>
          )}
          {dirty && (
            <Button
              className="button button-quiet"
              onPress={() => {
                setOrder(null);
                setAnnouncement(t('meetings.agenda.orderReset'));
              }}
            >
              {t('meetings.agenda.resetOrder')}
            </Button>
          )}
          {a.status === 'draft' && meeting.status === 'convened' && items.length > 0 && (
            <Button className="button button-secondary" onPress={() => !circulate.isPending && !dirty && circulate.mutate()}>
              {t('meetings.agenda.circulate')}
            </Button>
          )}
        </div>
      )}
      {dirty && <p className="muted small">{t('meetings.agenda.unsaved')}</p>}
      {editable && (
        <AddItemForm
          councilId={councilId}
          meetingId={meetingId}
          languages={languages}
          participants={participants.data ?? []}
          onAdded={(item) => {
            setAnnouncement(t('meetings.agenda.added', { title: itemTitle(item) }));
            void queryClient.invalidateQueries({ queryKey: key });
          }}
        />
      )}
    </section>
  );
}

/**
 * Attaches a paper to an item in one working language, or a new version of it (POST …/items/{id}/documents,
 * multipart: language, title, file); the API decides the type by the bytes and says why it refuses one.
 */
function PaperUpload({
  councilId,
  meetingId,
  item,
  languages,
  onUploaded,
}: {
  councilId: string;
  meetingId: string;
  item: AgendaItem;
  languages: readonly string[];
  onUploaded: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState(item.papersMissing?.[0] ?? languages[0] ?? '');
  const [title, setTitle] = useState('');
  const [missingFile, setMissingFile] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const form = new FormData();
      form.append('language', language);
      if (title.trim()) form.append('title', title.trim());
      form.append('file', chosen);
      return data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items/{itemId}/documents', {
          params: { path: { councilId, meetingId, itemId: item.id } },
          body: form as never,
        }),
      );
    },
    onSuccess: (doc) => {
      setTitle('');
      if (file.current) file.current.value = '';
      onUploaded(t('meetings.agenda.paperUploaded', { title: doc.title, language: languageName(doc.language, i18n.language) }));
    },
  });
  const errors = fieldErrors(upload.error);
  const fileError = missingFile ? t('meetings.agenda.fileRequired') : errors.file;
  return (
    <details className="paper-upload">
      <summary>{t('meetings.agenda.attachPaper')}</summary>
      <form
        className="form"
        aria-label={t('meetings.agenda.attachPaperTo', { title: localized(item.title, i18n.language, languages) })}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = file.current?.files?.[0];
          setMissingFile(!chosen);
          if (!chosen) {
            file.current?.focus();
            return;
          }
          if (!upload.isPending) upload.mutate(chosen);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('meetings.agenda.paperLanguage')}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, i18n.language)}
              </option>
            ))}
          </select>
          {errors.language && <p className="field-error">{errors.language}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('meetings.agenda.paperTitle')}</label>
          <input
            id={`${id}-title`}
            lang={language}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={errors.title ? true : undefined}
          />
          {errors.title && <p className="field-error">{errors.title}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('meetings.agenda.paperFile')}</label>
          <input
            id={`${id}-file`}
            ref={file}
            type="file"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
            onChange={() => setMissingFile(false)}
          />
          {fileError && (
            <p id={`${id}-file-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        {upload.error && !errors.file && !errors.title && !errors.language ? <Refusal error={upload.error} /> : null}
        <button type="submit" className="button button-secondary">
          {t('meetings.agenda.upload')}
        </button>
      </form>
    </details>
  );
}

interface AddProps {
  councilId: string;
  meetingId: string;
  languages: readonly string[];
  participants: { id: string; name: string; status: string }[];
  onAdded: (item: AgendaItem) => void;
}

/** Adds an item at the end of the agenda: the title in each working language (one at least), purpose, presenter, duration. */
function AddItemForm({ councilId, meetingId, languages, participants, onAdded }: AddProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const empty = () => ({
    titles: {} as Record<string, string>,
    purpose: 'discussion' as AgendaItem['purpose'],
    presenter: '',
    minutes: '',
    permanent: false,
  });
  const [form, setForm] = useState(empty);
  const [missingTitle, setMissingTitle] = useState(false);
  const firstTitle = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: async () => {
      const title = Object.fromEntries(
        Object.entries(form.titles)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, v.trim()]),
      );
      const minutes = Number.parseInt(form.minutes, 10);
      return data(
        await api.POST('/councils/{councilId}/meetings/{meetingId}/agenda/items', {
          params: { path: { councilId, meetingId } },
          body: {
            title,
            purpose: form.purpose,
            concernsPermanentParticipants: form.permanent,
            acceptedByChair: false,
            ...(form.presenter ? { presenterParticipantId: form.presenter } : {}),
            ...(Number.isFinite(minutes) ? { minutesAllotted: minutes } : {}),
          },
        }),
      );
    },
    onSuccess: (item) => {
      setForm(empty());
      onAdded(item);
      firstTitle.current?.focus();
    },
  });
  const errors = fieldErrors(add.error);
  const titleError = missingTitle ? t('meetings.agenda.titleRequired') : errors.title;
  return (
    <form
      className="form card add-item"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const none = !Object.values(form.titles).some((v) => v.trim() !== '');
        setMissingTitle(none);
        if (none) {
          firstTitle.current?.focus();
          return;
        }
        if (!add.isPending) add.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{t('meetings.agenda.addTitle')}</h3>
      <fieldset className="field plain-fieldset" aria-describedby={titleError ? `${id}-title-error` : undefined}>
        <legend>{t('meetings.agenda.titlesLegend')}</legend>
        {languages.map((l, i) => (
          <div className="field" key={l}>
            <label htmlFor={`${id}-t-${l}`}>
              {t('meetings.agenda.titleIn', {
                language: languageName(l, i18n.language),
              })}
            </label>
            <input
              id={`${id}-t-${l}`}
              ref={i === 0 ? firstTitle : undefined}
              lang={l}
              maxLength={300}
              value={form.titles[l] ?? ''}
              aria-invalid={titleError ? true : undefined}
              onChange={(e) =>
                setForm((f) => ({
                  ...f,
                  titles: { ...f.titles, [l]: e.target.value },
                }))
              }
            />
          </div>
        ))}
        {titleError && (
          <p id={`${id}-title-error`} className="field-error">
            {titleError}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>{t('meetings.agenda.purpose')}</label>
        <select
          id={`${id}-purpose`}
          value={form.purpose}
          onChange={(e) =>
            setForm((f) => ({
              ...f,
              purpose: e.target.value as AgendaItem['purpose'],
            }))
          }
        >
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`meetings.agenda.purposes.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-presenter`}>{t('meetings.agenda.presenter')}</label>
        <select id={`${id}-presenter`} value={form.presenter} onChange={(e) => setForm((f) => ({ ...f, presenter: e.target.value }))}>
          <option value="">{t('meetings.agenda.noPresenter')}</option>
          {participants
            .filter((p) => p.status === 'active')
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
        {errors.presenterParticipantId && <p className="field-error">{errors.presenterParticipantId}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('meetings.agenda.durationLabel')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={form.minutes}
          aria-invalid={errors.minutesAllotted ? true : undefined}
          onChange={(e) => setForm((f) => ({ ...f, minutes: e.target.value }))}
        />
        {errors.minutesAllotted && <p className="field-error">{errors.minutesAllotted}</p>}
      </div>
      <div className="field">
        <label className="checkbox-native">
          <input type="checkbox" checked={form.permanent} onChange={(e) => setForm((f) => ({ ...f, permanent: e.target.checked }))} />{' '}
          {t('meetings.agenda.permanent')}
        </label>
      </div>
      {add.error && !errors.title && !errors.minutesAllotted && !errors.presenterParticipantId ? <Refusal error={add.error} /> : null}
      <button type="submit" className="button">
        {t('meetings.agenda.add')}
      </button>
    </form>
  );
}
