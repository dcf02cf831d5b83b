import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { LocalizedText } from '../../components/LocalizedText';
import { ErrorText, Loading } from '../../components/Page';
import { languageName } from '../../i18n/i18n';

type Priority = Schemas['PriorityResponse'];
type Status = Priority['status'];
export const PRIORITY_STATUSES: Status[] = ['planned', 'in_progress', 'achieved', 'dropped'];

interface Props {
  councilId: string;
  termId: string;
  /** The heading ("The chair's priorities", "The incoming chair's priorities"). */
  title: string;
  headingId: string;
  languages: readonly string[];
  /** The term holder's delegates and the secretariat (presidency.priorities), while the term has not ended. */
  canEdit: boolean;
}

/** A term's priorities: the list, and for those allowed, adding one, editing its title, status and notes. */
export function PrioritiesSection({ councilId, termId, title, headingId, languages, canEdit }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const key = ['priorities', councilId, termId];
  const list = useQuery({
    queryKey: key,
    queryFn: async () => data(await api.GET('/councils/{councilId}/presidency/terms/{termId}/priorities', { params: { path: { councilId, termId } } })),
  });
  const create = useMutation({
    mutationFn: async (body: Schemas['CreatePriorityDto']) =>
      data(await api.POST('/councils/{councilId}/presidency/terms/{termId}/priorities', { params: { path: { councilId, termId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      setAdding(false);
      setAnnouncement(t('priorities.added'));
    },
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Schemas['UpdatePriorityDto'] }) =>
      data(
        await api.PATCH('/councils/{councilId}/presidency/terms/{termId}/priorities/{priorityId}', {
          params: { path: { councilId, termId, priorityId: id } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      setEditing(undefined);
      setAnnouncement(t('priorities.saved'));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p role="status" className="announce">
        {announcement}
      </p>
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <ErrorText error={list.error} />
      ) : (
        <>
          {list.data!.items.length === 0 ? (
            <p className="muted">{t('priorities.none')}</p>
          ) : (
            <ul className="plain-list priorities">
              {list.data!.items.map((p) => {
                const titleId = `priority-${p.id}`;
                return (
                  <li key={p.id} className="priority">
                    <p className="priority-title" id={titleId}>
                      <LocalizedText text={p.title} workingLanguages={languages} />
                    </p>
                    <p className="small">
                      <span className={`badge badge-priority-${p.status}`}>{t(`priorities.statuses.${p.status}`)}</span>
                      {p.notes && <span className="priority-notes"> {p.notes}</span>}
                    </p>
                    {canEdit &&
                      (editing === p.id ? (
                        <PriorityForm
                          languages={languages}
                          initial={p}
                          busy={update.isPending}
                          error={update.error}
                          submitLabel={t('priorities.save')}
                          onCancel={() => setEditing(undefined)}
                          onSubmit={(body) => update.mutate({ id: p.id, body: { ...body, version: p.version, notes: body.notes ?? null } })}
                        />
                      ) : (
                        <Button className="button button-quiet" aria-describedby={titleId} onPress={() => setEditing(p.id)}>
                          {t('priorities.edit')}
                        </Button>
                      ))}
                  </li>
                );
              })}
            </ul>
          )}
          {canEdit &&
            (adding ? (
              <PriorityForm
                languages={languages}
                busy={create.isPending}
                error={create.error}
                submitLabel={t('priorities.add')}
                onCancel={() => setAdding(false)}
                onSubmit={(body) => create.mutate(body)}
              />
            ) : (
              <Button className="button button-secondary" onPress={() => setAdding(true)}>
                {t('priorities.new')}
              </Button>
            ))}
        </>
      )}
    </section>
  );
}

interface FormProps {
  languages: readonly string[];
  initial?: Priority;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: { title: Record<string, string>; status: Status; notes?: string }) => void;
  onCancel: () => void;
}

/** A priority's title (one field per working language, at least one), status and notes. */
function PriorityForm({ languages, initial, busy, error, submitLabel, onSubmit, onCancel }: FormProps) {
  const { t, i18n } = useTranslation();
  const statusId = useId();
  const [titles, setTitles] = useState<Record<string, string>>(() => Object.fromEntries(languages.map((l) => [l, initial?.title[l] ?? ''])));
  const [status, setStatus] = useState<Status>(initial?.status ?? 'planned');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [missing, setMissing] = useState(false);
  // The interface language's field first.
  const ordered = [...languages].sort((a, b) => (a === i18n.language ? -1 : b === i18n.language ? 1 : 0));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = Object.fromEntries(
      Object.entries(titles)
        .filter(([, v]) => v.trim() !== '')
        .map(([l, v]) => [l, v.trim()]),
    );
    if (Object.keys(title).length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit({ title, status, ...(notes.trim() ? { notes: notes.trim() } : {}) });
  }

  return (
    <Form className="form inline-form card" onSubmit={submit}>
      {missing && (
        <p role="alert" className="alert">
          {t('priorities.titleRequired')}
        </p>
      )}
      {ordered.map((l) => (
        <TextField key={l} className="field" value={titles[l] ?? ''} onChange={(v) => setTitles((x) => ({ ...x, [l]: v }))} maxLength={300}>
          <Label>{t('priorities.titleIn', { language: languageName(l, i18n.language) })}</Label>
          <Input lang={l} />
        </TextField>
      ))}
      <div className="field">
        <label htmlFor={statusId}>{t('priorities.status')}</label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {PRIORITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`priorities.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField className="field" value={notes} onChange={setNotes} maxLength={4000}>
        <Label>{t('priorities.notes')}</Label>
        <TextArea rows={3} />
      </TextField>
      <ErrorText error={error} />
      <div className="moves">
        <Button type="submit" className="button" isDisabled={busy}>
          {submitLabel}
        </Button>
        <Button className="button button-quiet" onPress={onCancel}>
          {t('priorities.cancel')}
        </Button>
      </div>
    </Form>
  );
}
