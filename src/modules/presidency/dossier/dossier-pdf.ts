import { PdfWriter } from '../../../core/pdf/pdf-writer.js';
import { pick, type TermRef } from './dossier-content.js';
import { type DocumentInput, type DocumentLanguage, DOSSIER_HEADINGS } from './dossier-document.js';

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
const instant = (iso: string | Date | null | undefined) => (iso ? `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '');

/** The dossier as a PDF: the same sections, in the same order and words, as the HTML document. */
export function renderDossierPdf(d: DocumentInput, language: DocumentLanguage): Promise<Buffer> {
  const h = DOSSIER_HEADINGS[language];
  const c = d.content;
  const ref = (t: TermRef | null) => (t ? `${t.name ?? h.none} (${day(t.startsAt)} – ${day(t.endsAt)})${t.projected ? ` ${h.projected}` : ''}` : h.none);
  const key = (k: string) => ` [${k}]`;
  const title = `${h.title} — ${d.councilName}`;
  const w = new PdfWriter({ title, language });

  w.title(h.title);
  w.fields([
    [h.council, d.councilName],
    [h.outgoing, ref(c.holder)],
    [h.incoming, ref(c.successor)],
    [h.status, `${d.status} — ${d.acknowledged} ${h.of} ${d.total} ${h.acknowledged}`],
    [h.generated, instant(d.generatedAt)],
    ...(d.submittedAt ? [[h.submitted, instant(d.submittedAt)] as [string, string]] : []),
    ...(d.archivedAt ? [[h.archived, instant(d.archivedAt)] as [string, string]] : []),
  ]);

  w.heading(h.troika).bullets(
    [`${h.previous}: ${ref(c.troika.previous)}`, `${h.current}: ${ref(c.troika.current)}`, `${h.next}: ${ref(c.troika.next)}`],
    h.empty,
  );

  w.heading(`${h.items} (${c.actionItems.total}, ${c.actionItems.overdue} ${h.overdue})`);
  if (c.actionItems.byOwner.length === 0) w.paragraph(h.empty, { muted: true, italic: true });
  for (const o of c.actionItems.byOwner) {
    w.heading(`${o.ownerName ?? o.ownerKind} (${o.ownerKind}: ${o.count}${o.overdue ? `, ${o.overdue} ${h.overdue}` : ''})`, 3);
    w.table(
      [
        { header: h.due, width: 1.3 },
        { header: '', width: 4 },
        { header: h.status, width: 1.2 },
        { header: h.owner, width: 1.5 },
      ],
      o.items.map((i) => ({
        cells: [`${day(i.dueDate)}${i.overdue ? ` ${h.overdue}` : ''}`, `${pick(i.title, language)}${key(i.key)}`, i.status, i.ownerUserName ?? ''],
        alert: i.overdue,
      })),
    );
  }

  const decision = (x: { text: Record<string, string>; meetingTitle: string | null; key: string }) =>
    `${pick(x.text, language)}${x.meetingTitle ? ` — ${x.meetingTitle}` : ''}${key(x.key)}`;
  w.heading(h.pending).bullets(c.decisions.pending.map(decision), h.empty);
  w.heading(h.deferred).bullets(c.decisions.deferred.map(decision), h.empty);
  w.heading(h.silence).bullets(
    c.silenceProcedures.map(
      (x) =>
        `${pick(x.text, language)} — ${h.deadline} ${instant(x.deadline)}${x.standingObjections ? ` (${x.standingObjections} ${h.objections})` : ''}${key(x.key)}`,
    ),
    h.empty,
  );
  w.heading(h.meetings).bullets(
    c.meetings.map((m) => `${instant(m.startsAt)} — ${m.title} (${m.kind}, ${m.status}${m.venue ? `, ${m.venue}` : ''})${key(m.key)}`),
    h.empty,
  );
  w.heading(h.bodies).bullets(
    c.bodies.map(
      (b) =>
        `${b.name}${b.mandateEnd ? ` — ${h.mandateEnds} ${day(b.mandateEnd)}` : ''}${b.leadsEnding.map((l) => ` — ${h.leadEnds}: ${l.participantName} ${day(l.lastDay)}`).join('')}${key(b.key)}`,
    ),
    h.empty,
  );
  w.heading(h.contacts).bullets(
    c.contacts.map(
      (x) =>
        `${x.participantName}${x.contactEmail ? ` <${x.contactEmail}>` : ''}${x.people.length ? `: ${x.people.map((p) => `${p.name} (${p.role}) <${p.email}>`).join('; ')}` : ''}`,
    ),
    h.empty,
  );
  w.heading(h.priorities).bullets(
    c.priorities.map((p) => `${pick(p.title, language)} — ${p.status}${p.notes ? `: ${p.notes}` : ''}${key(p.key)}`),
    h.empty,
  );
  return w.toBuffer();
}
