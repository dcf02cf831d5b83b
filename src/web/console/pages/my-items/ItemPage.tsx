import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, NumberField, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, data, type Schemas } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { LocalizedText, localized } from '../../components/LocalizedText';
import { ErrorText, Loading, PageHeading } from '../../components/Page';
import { DateTimeText, PlainDate } from '../../components/Time';
import { Progress, StatusText, urgency, UrgencyBadge } from './ItemBits';
import { type ActionItem, DELEGATE_MOVES, delegateMoves, PROGRESS_STATUSES, RAGS, type Status } from './status';

const route = getRouteApi('/signed-in/items/$itemId');

type Update = Schemas['ActionItemUpdateResponse'];

/** The field errors of a refused request, by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  const api = (error as { api?: ApiError } | null)?.api;
  return Object.fromEntries((api?.errors ?? []).map((e) => [e.field, e.message]));
}

// Buttons stay enabled (and focusable) while a request runs: a second press is ignored instead. (react-aria's
// isPending announces through a live region that refers to the button, which a move then removes.)

/** One action item: its facts, the moves the API allows now (as buttons), a progress report form, its history. */
export function ItemPage() {
  const { t, i18n } = useTranslation();
  const { itemId } = route.useParams();
  const { membership, council } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const movesHeading = useRef<HTMLHeadingElement>(null);

  const item = useQuery({
    queryKey: ['item', councilId, itemId],
    enabled: councilId !== undefined,
    queryFn: async () =>
      data(await api.GET('/councils/{councilId}/action-items/{actionItemId}', { params: { path: { councilId: councilId!, actionItemId: itemId } } })),
  });
  const history = useQuery({
    queryKey: ['item-updates', councilId, itemId],
    enabled: councilId !== undefined,
    queryFn: async () =>
      data(await api.GET('/councils/{councilId}/action-items/{actionItemId}/updates', { params: { path: { councilId: councilId!, actionItemId: itemId } } })),
  });

  function changed(updated: ActionItem, message: string) {
    queryClient.setQueryData(['item', councilId, itemId], updated);
    void queryClient.invalidateQueries({ queryKey: ['item-updates', councilId, itemId] });
    void queryClient.invalidateQueries({ queryKey: ['my-items'] });
    void queryClient.invalidateQueries({ queryKey: ['my-items-counts'] });
    setAnnouncement(message);
  }
  function moved(updated: ActionItem) {
    changed(updated, t('item.moved', { status: t(`status.${updated.status}`) }));
    // The pressed button is gone (the moves change): the focus goes to the moves' heading, not to the page's top.
    requestAnimationFrame(() => movesHeading.current?.focus());
  }

  const move = useMutation({
    mutationFn: async ({ to, reason }: { to: Status; reason?: string }) =>
      data(
        await api.POST('/councils/{councilId}/action-items/{actionItemId}/transitions', {
          params: { path: { councilId: councilId!, actionItemId: itemId } },
          body: { to, version: item.data!.version, ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: moved,
    onError: () => void queryClient.invalidateQueries({ queryKey: ['item', councilId, itemId] }),
  });

  if (item.isLoading || !councilId) return <Loading />;
  if (!item.data) return <ErrorText error={item.error} />;
  const it = item.data;
  const languages = council?.workingLanguages ?? [];
  const title = localized(it.title, i18n.language, languages);
  const moves = delegateMoves(it);

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/items">{t('item.back')}</Link>
      </p>
      <PageHeading title={title}>
        <LocalizedText text={it.title} workingLanguages={languages} />
      </PageHeading>
      <p role="status" className="announce">
        {announcement}
      </p>

      <dl className="facts">
        <div>
          <dt>{t('items.colStatus')}</dt>
          <dd>
            <StatusText status={it.status} />
          </dd>
        </div>
        <div>
          <dt>{t('items.colDue')}</dt>
          <dd>
            <PlainDate value={it.dueDate} /> <UrgencyBadge value={urgency(it, undefined)} />
          </dd>
        </div>
        <div>
          <dt>{t('item.priority')}</dt>
          <dd>{t(`priority.${it.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('items.colProgress')}</dt>
          <dd>
            <Progress percent={it.progressPercent} rag={it.progressRag} />
          </dd>
        </div>
        <div>
          <dt>{t('item.source')}</dt>
          <dd>{t(`source.${it.sourceKind}`)}</dd>
        </div>
        {it.description && Object.keys(it.description).length > 0 && (
          <div className="wide">
            <dt>{t('item.description')}</dt>
            <dd>
              <LocalizedText text={it.description} workingLanguages={languages} as="div" />
            </dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="moves-title">
        <h2 id="moves-title" tabIndex={-1} ref={movesHeading}>
          {t('item.movesTitle')}
        </h2>
        {moves.length === 0 ? (
          <p className="muted">{t('item.noMoves')}</p>
        ) : (
          <Moves moves={moves} busy={move.isPending} onMove={(to, reason) => move.mutate({ to, reason })} />
        )}
        <ErrorText error={move.error} />
      </section>

      {PROGRESS_STATUSES.includes(it.status) ? (
        <ReportProgress
          councilId={councilId}
          item={it}
          onReported={(updated) => changed(updated, t('item.reported'))}
          onConflict={() => void queryClient.invalidateQueries({ queryKey: ['item', councilId, itemId] })}
        />
      ) : (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('report.title')}</h2>
          <p className="muted">
            {it.status === 'open' ? t('report.afterAcknowledge') : t('report.closed', { status: t(`status.${it.status}`).toLowerCase() })}
          </p>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('item.historyTitle')}</h2>
        {history.isLoading ? (
          <Loading />
        ) : history.error ? (
          <ErrorText error={history.error} />
        ) : (
          <History updates={history.data?.items ?? []} zone={council?.timeZone} />
        )}
      </section>
    </article>
  );
}

function Moves({ moves, busy, onMove }: { moves: typeof DELEGATE_MOVES; busy: boolean; onMove: (to: Status, reason?: string) => void }) {
  const { t } = useTranslation();
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <div className="moves">
        {moves.map((m) =>
          m.needsReason ? (
            <Button key={m.to} className="button button-secondary" aria-expanded={blocking} aria-controls="block-form" onPress={() => setBlocking((b) => !b)}>
              {t(m.label)}
            </Button>
          ) : (
            <Button key={m.to} className="button" onPress={() => !busy && onMove(m.to)}>
              {t(m.label)}
            </Button>
          ),
        )}
      </div>
      {blocking && (
        <Form
          id="block-form"
          className="form inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            onMove('blocked', reason.trim());
            setBlocking(false);
            setReason('');
          }}
        >
          <TextField isRequired value={reason} onChange={setReason} className="field" autoFocus>
            <Label>{t('item.blockReason')}</Label>
            <TextArea rows={2} />
            <FieldError>{t('item.blockReasonRequired')}</FieldError>
          </TextField>
          <Button type="submit" className="button">
            {t('item.confirmBlock')}
          </Button>
        </Form>
      )}
    </>
  );
}

function ReportProgress({
  councilId,
  item,
  onReported,
  onConflict,
}: {
  councilId: string;
  item: ActionItem;
  onReported: (item: ActionItem) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number>(Number.NaN);
  const [rag, setRag] = useState<string>('');
  const [link, setLink] = useState('');
  const report = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/councils/{councilId}/action-items/{actionItemId}/updates', {
          params: { path: { councilId, actionItemId: item.id } },
          body: {
            version: item.version,
            text: text.trim(),
            ...(Number.isNaN(percent) ? {} : { percent }),
            ...(rag ? { rag: rag as (typeof RAGS)[number] } : {}),
            ...(link.trim() ? { attachmentUrl: link.trim() } : {}),
          },
        }),
      ),
    onSuccess: (result) => {
      setText('');
      setPercent(Number.NaN);
      setRag('');
      setLink('');
      onReported(result.item);
    },
    onError: (error) => {
      if ((error as { status?: number }).status === 409) onConflict();
    },
  });
  const errors = fieldErrors(report.error);
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <Form
        className="form"
        validationErrors={errors}
        onSubmit={(e) => {
          e.preventDefault();
          if (!report.isPending) report.mutate();
        }}
      >
        <TextField name="text" isRequired value={text} onChange={setText} className="field">
          <Label>{t('report.text')}</Label>
          <TextArea rows={3} />
          <FieldError>{errors.text ?? t('report.textRequired')}</FieldError>
        </TextField>
        <NumberField name="percent" minValue={0} maxValue={100} step={1} value={percent} onChange={setPercent} className="field">
          <Label>{t('report.percent')}</Label>
          <Input inputMode="numeric" />
          <FieldError>{errors.percent}</FieldError>
        </NumberField>
        <RadioGroup name="rag" value={rag} onChange={setRag} className="field radios" orientation="horizontal">
          <Label>{t('report.rag')}</Label>
          <div className="radio-row">
            {RAGS.map((r) => (
              <Radio key={r} value={r} className={`radio rag-${r}`}>
                <span className="radio-dot" aria-hidden="true" />
                {t(`rag.${r}`)}
              </Radio>
            ))}
            <Radio value="" className="radio">
              <span className="radio-dot" aria-hidden="true" />
              {t('report.noRag')}
            </Radio>
          </div>
          <FieldError>{errors.rag}</FieldError>
        </RadioGroup>
        <TextField name="attachmentUrl" type="url" value={link} onChange={setLink} className="field">
          <Label>{t('report.link')}</Label>
          <Input placeholder="https://" />
          <FieldError>{errors.attachmentUrl}</FieldError>
        </TextField>
        <Button type="submit" className="button">
          {t('report.submit')}
        </Button>
        {Object.keys(errors).length === 0 && <ErrorText error={report.error} />}
      </Form>
    </section>
  );
}

function History({ updates, zone }: { updates: Update[]; zone?: string }) {
  const { t } = useTranslation();
  if (updates.length === 0) return <p className="muted">{t('item.noHistory')}</p>;
  const newestFirst = [...updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id));
  return (
    <ol className="history">
      {newestFirst.map((u) => (
        <li key={u.id} className={`history-entry history-${u.kind}`}>
          <p className="history-what">
            {u.kind === 'transition' && u.statusTo
              ? t('history.transition', { from: u.statusFrom ? t(`status.${u.statusFrom}`) : '—', to: t(`status.${u.statusTo}`) })
              : t(`history.${u.kind}`)}
          </p>
          {u.text && <p className="history-text">{u.text}</p>}
          {(u.percent !== null || u.rag !== null) && (
            <p>
              <Progress percent={u.percent} rag={u.rag} />
            </p>
          )}
          {u.attachmentUrl && (
            <p>
              <a href={u.attachmentUrl} rel="noopener noreferrer" target="_blank">
                {t('history.attachment')}
              </a>
            </p>
          )}
          <p className="history-meta">
            {u.authorName ? `${u.authorName} · ` : ''}
            <DateTimeText value={u.createdAt} zone={zone} />
          </p>
        </li>
      ))}
    </ol>
  );
}
