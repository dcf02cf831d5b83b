import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { DocumentLink } from '../../components/DocumentLink';
import { LocalizedText } from '../../components/LocalizedText';
import { languageName } from '../../i18n/i18n';
import { ErrorText, Loading } from '../../components/Page';
import { DateTimeText, PlainDate } from '../../components/Time';
import { type DossierContent, normalized } from './dossier-content';

type Dossier = Schemas['DossierResponse'];
type Acknowledgement = Schemas['AcknowledgementResponse'];

interface Props {
  councilId: string;
  termId: string;
  zone?: string;
  languages: readonly string[];
  /** The holder's delegates and the secretariat: assemble, refresh and submit. */
  canManage: boolean;
  /** The incoming holder's delegates: acknowledge entry by entry once submitted. */
  canAcknowledge: boolean;
}

/** The term's handover dossier: its sections, refresh and submit (the outgoing chair), acknowledgement entry by entry (the incoming one). */
export function DossierSection({ councilId, termId, zone, languages, canManage, canAcknowledge }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const path = { councilId, termId };
  const dossier = useQuery({
    queryKey: ['dossier', councilId, termId],
    // 404 until assembled: "not yet", not an error.
    queryFn: async (): Promise<Dossier | null> => {
      const result = await api.GET('/councils/{councilId}/presidency/terms/{termId}/dossier', { params: { path } });
      if (result.response.status === 404) return null;
      return data(result);
    },
  });
  const submitted = dossier.data?.status === 'submitted' || dossier.data?.status === 'archived';
  const acks = useQuery({
    queryKey: ['dossier-acks', councilId, termId],
    enabled: submitted,
    queryFn: async () => data(await api.GET('/councils/{councilId}/presidency/terms/{termId}/dossier/acknowledgements', { params: { path } })),
  });
  const refresh = useMutation({
    mutationFn: async () => data(await api.POST('/councils/{councilId}/presidency/terms/{termId}/dossier/refresh', { params: { path } })),
    onSuccess: (d) => {
      queryClient.setQueryData(['dossier', councilId, termId], d);
      setAnnouncement(t('dossier.refreshed'));
    },
  });
  const submit = useMutation({
    mutationFn: async () =>
      data(await api.POST('/councils/{councilId}/presidency/terms/{termId}/dossier/submit', { params: { path }, body: { version: dossier.data!.version } })),
    onSuccess: (d) => {
      queryClient.setQueryData(['dossier', councilId, termId], d);
      void queryClient.invalidateQueries({ queryKey: ['dossier-acks', councilId, termId] });
      setAnnouncement(t('dossier.submittedNow'));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['dossier', councilId, termId] }),
  });
  const acknowledge = useMutation({
    mutationFn: async (itemKey: string) =>
      data(await api.POST('/councils/{councilId}/presidency/terms/{termId}/dossier/acknowledgements', { params: { path }, body: { itemKey } })),
    onSuccess: async (a, itemKey) => {
      await queryClient.invalidateQueries({ queryKey: ['dossier-acks', councilId, termId] });
      void queryClient.invalidateQueries({ queryKey: ['dossier', councilId, termId] });
      setAnnouncement(t('dossier.acknowledgedNow', { entry: titles.get(itemKey) ?? a.itemKey }));
      // The pressed button is gone: the focus goes to the progress, which says what changed.
      requestAnimationFrame(() => document.getElementById('dossier-progress')?.focus());
    },
  });

  const d = dossier.data;
  const content = d ? normalized(d.content) : undefined;
  const titles = new Map<string, string>();
  const byKey = new Map<string, Acknowledgement>((acks.data?.items ?? []).map((a) => [a.itemKey, a]));
  const progress = acks.data?.progress ?? d?.progress;

  const entry = (key: string, label: string, title: ReactNode, meta: ReactNode) => {
    titles.set(key, label);
    const id = `entry-${key.replace(/[^a-z0-9]/gi, '-')}`;
    const ack = byKey.get(key);
    return (
      <li key={key} className="dossier-entry">
        <p className="dossier-entry-title" id={id}>
          {title}
        </p>
        {meta && <p className="small muted">{meta}</p>}
        {ack ? (
          <p className="small acknowledged">
            <span className="badge badge-done">{t('dossier.acknowledged')}</span>{' '}
            {ack.acknowledgedByName ? t('dossier.acknowledgedBy', { name: ack.acknowledgedByName }) : null}{' '}
            <DateTimeText value={ack.acknowledgedAt} zone={zone} />
          </p>
        ) : (
          canAcknowledge &&
          d?.status === 'submitted' && (
            <Button className="button button-secondary" aria-describedby={id} isDisabled={acknowledge.isPending} onPress={() => acknowledge.mutate(key)}>
              {t('dossier.acknowledge')}
            </Button>
          )
        )}
      </li>
    );
  };

  return (
    <section aria-labelledby="dossier-title" className="dossier">
      <h2 id="dossier-title">{t('dossier.title')}</h2>
      <p role="status" className="announce">
        {announcement}
      </p>
      {dossier.isLoading ? (
        <Loading />
      ) : dossier.error ? (
        <ErrorText error={dossier.error} />
      ) : !d || !content ? (
        <>
          <p>{t('dossier.notYet')}</p>
          {canManage && (
            <Button className="button" isDisabled={refresh.isPending} onPress={() => refresh.mutate()}>
              {t('dossier.assemble')}
            </Button>
          )}
          <ErrorText error={refresh.error} />
        </>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('dossier.status')}</dt>
              <dd>{t(`dossier.statuses.${d.status}`)}</dd>
            </div>
            <div>
              <dt>{t('dossier.generatedAt')}</dt>
              <dd>
                <DateTimeText value={d.generatedAt} zone={zone} />
              </dd>
            </div>
            {d.submittedAt && (
              <div>
                <dt>{t('dossier.submittedAt')}</dt>
                <dd>
                  <DateTimeText value={d.submittedAt} zone={zone} />
                </dd>
              </div>
            )}
          </dl>
          <div className="document-links">
            {languages.map((l) => (
              <DocumentLink
                key={l}
                path={`/councils/${councilId}/presidency/terms/${termId}/dossier/document.pdf?lang=${l}`}
                fileName={`handover-dossier-${l}.pdf`}
              >
                {t('documents.dossier', { language: languageName(l, i18n.language) })}
              </DocumentLink>
            ))}
          </div>
          {canManage && d.status === 'open' && (
            <div className="moves">
              <Button className="button button-secondary" isDisabled={refresh.isPending} onPress={() => refresh.mutate()}>
                {t('dossier.refresh')}
              </Button>
              <Button className="button" isDisabled={submit.isPending} onPress={() => submit.mutate()}>
                {t('dossier.submit')}
              </Button>
            </div>
          )}
          {d.status === 'open' && <p className="muted">{t('dossier.openNote')}</p>}
          <ErrorText error={refresh.error ?? submit.error ?? acknowledge.error} />
          {submitted && progress && (
            <div className="dossier-progress card">
              <p id="dossier-progress" tabIndex={-1} className="progress-text">
                {t('dossier.progress', { acknowledged: progress.acknowledged, total: progress.total })}
              </p>
              <progress className="progress-bar" max={Math.max(progress.total, 1)} value={progress.acknowledged} aria-label={t('dossier.progressLabel')} />
              {canAcknowledge && progress.total > 0 && progress.acknowledged === progress.total && <p>{t('dossier.allAcknowledged')}</p>}
            </div>
          )}
          <Sections content={content} entry={entry} zone={zone} languages={languages} />
        </>
      )}
    </section>
  );
}

type EntryFn = (key: string, label: string, title: ReactNode, meta: ReactNode) => ReactNode;

function Sections({ content, entry, zone, languages }: { content: DossierContent; entry: EntryFn; zone?: string; languages: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const text = (x: Record<string, string | undefined>) => <LocalizedText text={x} workingLanguages={languages} />;
  const plain = (x: Record<string, string | undefined>) => x[i18n.language] ?? languages.map((l) => x[l]).find(Boolean) ?? Object.values(x).find(Boolean) ?? '';
  const section = (id: string, title: string, count: number, children: ReactNode) => (
    <section aria-labelledby={`dossier-${id}`} className="dossier-section">
      <h3 id={`dossier-${id}`}>
        {title} <span className="muted">({count})</span>
      </h3>
      {count === 0 ? <p className="muted">{t('dossier.emptySection')}</p> : <ul className="plain-list dossier-entries">{children}</ul>}
    </section>
  );
  const items = content.actionItems.byOwner.flatMap((o) => o.items.map((i) => ({ ...i, ownerName: o.ownerName })));
  return (
    <>
      {section(
        'items',
        t('dossier.sections.actionItems'),
        items.length,
        items.map((i) =>
          entry(
            i.key,
            plain(i.title),
            text(i.title),
            <>
              {i.ownerName && <>{i.ownerName} · </>}
              {t('dossier.due')} <PlainDate value={i.dueDate} /> · {t(`status.${i.status}`, { defaultValue: i.status })}
              {i.overdue && <span className="badge badge-overdue">{t('items.overdue')}</span>}
            </>,
          ),
        ),
      )}
      {section(
        'pending',
        t('dossier.sections.pendingDecisions'),
        content.decisions.pending.length,
        content.decisions.pending.map((x) => entry(x.key, plain(x.text), text(x.text), x.meetingTitle ?? t('dossier.inWriting'))),
      )}
      {section(
        'deferred',
        t('dossier.sections.deferredDecisions'),
        content.decisions.deferred.length,
        content.decisions.deferred.map((x) => entry(x.key, plain(x.text), text(x.text), x.meetingTitle ?? t('dossier.inWriting'))),
      )}
      {section(
        'silence',
        t('dossier.sections.silence'),
        content.silenceProcedures.length,
        content.silenceProcedures.map((x) =>
          entry(
            x.key,
            plain(x.text),
            text(x.text),
            <>
              {t('dossier.deadline')} <DateTimeText value={x.deadline} zone={zone} />
            </>,
          ),
        ),
      )}
      {section(
        'meetings',
        t('dossier.sections.meetings'),
        content.meetings.length,
        content.meetings.map((m) =>
          entry(
            m.key,
            m.title,
            m.title,
            <>
              <DateTimeText value={m.startsAt} zone={m.timeZone || zone} zoneKind="meeting" />
              {m.venue && <> · {m.venue}</>}
            </>,
          ),
        ),
      )}
      {section(
        'bodies',
        t('dossier.sections.bodies'),
        content.bodies.length,
        content.bodies.map((b) =>
          entry(
            b.key,
            b.name,
            b.name,
            b.mandateEnd ? (
              <>
                {t('dossier.mandateEnds')} <PlainDate value={b.mandateEnd.slice(0, 10)} />
              </>
            ) : null,
          ),
        ),
      )}
      {section(
        'priorities',
        t('dossier.sections.priorities'),
        content.priorities.length,
        content.priorities.map((p) => entry(p.key, plain(p.title), text(p.title), t(`priorities.statuses.${p.status}`, { defaultValue: p.status }))),
      )}
      <section aria-labelledby="dossier-contacts" className="dossier-section">
        <h3 id="dossier-contacts">
          {t('dossier.sections.contacts')} <span className="muted">({content.contacts.length})</span>
        </h3>
        <ul className="plain-list">
          {content.contacts.map((c) => (
            <li key={c.delegationId}>
              {c.participantName}
              {c.contactEmail && <span className="muted"> · {c.contactEmail}</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
