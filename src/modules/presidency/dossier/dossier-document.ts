import { escapeHtml } from '../../../core/text/escape-html.js';
import { type DossierContent, pick, type TermRef } from './dossier-content.js';

/** Headings of the printable dossier, per working language (the HTML and the PDF document). */
export const DOSSIER_HEADINGS = {
  en: {
    title: 'Presidency handover dossier',
    council: 'Council',
    term: 'Term',
    outgoing: 'Outgoing presidency',
    incoming: 'Incoming presidency',
    none: 'not yet designated',
    status: 'Status',
    generated: 'Generated',
    submitted: 'Submitted',
    archived: 'Archived',
    troika: 'Troika',
    previous: 'Previous',
    current: 'Current',
    next: 'Next',
    projected: 'projected',
    items: 'Open action items',
    overdue: 'overdue',
    due: 'Due',
    owner: 'Owner',
    pending: 'Pending decisions',
    deferred: 'Deferred decisions',
    silence: 'Silence procedures running',
    deadline: 'Deadline',
    objections: 'standing objections',
    meetings: 'Upcoming meetings (next 12 months)',
    bodies: 'Bodies whose leads or mandates end within 6 months',
    mandateEnds: 'mandate ends',
    leadEnds: 'lead ends',
    contacts: 'Points of contact',
    priorities: 'Priorities of the outgoing chair',
    empty: 'None.',
    of: 'of',
    acknowledged: 'acknowledged',
  },
  es: {
    title: 'Expediente de traspaso de la presidencia',
    council: 'Consejo',
    term: 'Mandato',
    outgoing: 'Presidencia saliente',
    incoming: 'Presidencia entrante',
    none: 'aún no designada',
    status: 'Estado',
    generated: 'Generado',
    submitted: 'Presentado',
    archived: 'Archivado',
    troika: 'Troika',
    previous: 'Anterior',
    current: 'Actual',
    next: 'Siguiente',
    projected: 'proyectada',
    items: 'Acciones abiertas',
    overdue: 'vencida',
    due: 'Vence',
    owner: 'Responsable',
    pending: 'Decisiones pendientes',
    deferred: 'Decisiones aplazadas',
    silence: 'Procedimientos de silencio en curso',
    deadline: 'Plazo',
    objections: 'objeciones vigentes',
    meetings: 'Próximas reuniones (12 meses)',
    bodies: 'Órganos cuya conducción o mandato termina en 6 meses',
    mandateEnds: 'fin del mandato',
    leadEnds: 'fin de la conducción',
    contacts: 'Puntos de contacto',
    priorities: 'Prioridades de la presidencia saliente',
    empty: 'Ninguno.',
    of: 'de',
    acknowledged: 'acusados',
  },
  fr: {
    title: 'Dossier de passation de la présidence',
    council: 'Conseil',
    term: 'Mandat',
    outgoing: 'Présidence sortante',
    incoming: 'Présidence entrante',
    none: 'pas encore désignée',
    status: 'Statut',
    generated: 'Généré',
    submitted: 'Remis',
    archived: 'Archivé',
    troika: 'Troïka',
    previous: 'Précédente',
    current: 'Actuelle',
    next: 'Suivante',
    projected: 'projetée',
    items: 'Actions ouvertes',
    overdue: 'en retard',
    due: 'Échéance',
    owner: 'Responsable',
    pending: 'Décisions en attente',
    deferred: 'Décisions reportées',
    silence: 'Procédures d’approbation tacite en cours',
    deadline: 'Échéance',
    objections: 'objections maintenues',
    meetings: 'Réunions à venir (12 mois)',
    bodies: 'Organes dont la direction ou le mandat prend fin dans les 6 mois',
    mandateEnds: 'fin du mandat',
    leadEnds: 'fin de la direction',
    contacts: 'Points de contact',
    priorities: 'Priorités de la présidence sortante',
    empty: 'Aucun.',
    of: 'sur',
    acknowledged: 'accusés',
  },
  pt: {
    title: 'Dossiê de transmissão da presidência',
    council: 'Conselho',
    term: 'Mandato',
    outgoing: 'Presidência cessante',
    incoming: 'Presidência entrante',
    none: 'ainda não designada',
    status: 'Situação',
    generated: 'Gerado',
    submitted: 'Entregue',
    archived: 'Arquivado',
    troika: 'Troika',
    previous: 'Anterior',
    current: 'Atual',
    next: 'Seguinte',
    projected: 'projetada',
    items: 'Ações em aberto',
    overdue: 'atrasada',
    due: 'Prazo',
    owner: 'Responsável',
    pending: 'Decisões pendentes',
    deferred: 'Decisões adiadas',
    silence: 'Procedimentos de silêncio em curso',
    deadline: 'Prazo',
    objections: 'objeções mantidas',
    meetings: 'Próximas reuniões (12 meses)',
    bodies: 'Órgãos cuja liderança ou mandato termina em 6 meses',
    mandateEnds: 'fim do mandato',
    leadEnds: 'fim da liderança',
    contacts: 'Pontos de contato',
    priorities: 'Prioridades da presidência cessante',
    empty: 'Nenhum.',
    of: 'de',
    acknowledged: 'confirmados',
  },
} as const;
const H = DOSSIER_HEADINGS;

export type DocumentLanguage = keyof typeof H;

export interface DocumentInput {
  councilName: string;
  status: string;
  generatedAt: Date;
  submittedAt: Date | null;
  archivedAt: Date | null;
  acknowledged: number;
  total: number;
  content: DossierContent;
}

const day = (iso: string | null | undefined) => (iso ? escapeHtml(iso.slice(0, 10)) : '');
const instant = (iso: string | Date | null | undefined) => (iso ? escapeHtml(new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC') : '');

/** The dossier as a readable, print-friendly HTML document; every value from the database is escaped. */
export function renderDossierDocument(d: DocumentInput, language: DocumentLanguage): string {
  const h = H[language];
  const c = d.content;
  const e = escapeHtml;
  const ref = (t: TermRef | null) =>
    t ? `${e(t.name ?? h.none)} (${day(t.startsAt)} – ${day(t.endsAt)})${t.projected ? ` <em>${e(h.projected)}</em>` : ''}` : e(h.none);
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="empty">${e(h.empty)}</p>`);
  const section = (title: string, body: string) => `<section><h2>${e(title)}</h2>${body}</section>`;
  const key = (k: string) => ` <span class="key">[${e(k)}]</span>`;

  const items = c.actionItems.byOwner
    .map(
      (o) =>
        `<h3>${e(o.ownerName ?? o.ownerKind)} <small>(${e(o.ownerKind)}: ${o.count}${o.overdue ? `, ${o.overdue} ${e(h.overdue)}` : ''})</small></h3>` +
        `<table><thead><tr><th>${e(h.due)}</th><th></th><th>${e(h.status)}</th><th>${e(h.owner)}</th></tr></thead><tbody>` +
        o.items
          .map(
            (i) =>
              `<tr${i.overdue ? ' class="overdue"' : ''}><td>${day(i.dueDate)}${i.overdue ? ` <strong>${e(h.overdue)}</strong>` : ''}</td><td>${e(pick(i.title, language))}${key(i.key)}</td><td>${e(i.status)}</td><td>${e(i.ownerUserName ?? '')}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`,
    )
    .join('');

  const body = [
    `<h1>${e(h.title)}</h1>`,
    `<table class="meta"><tbody>`,
    `<tr><th>${e(h.council)}</th><td>${e(d.councilName)}</td></tr>`,
    `<tr><th>${e(h.outgoing)}</th><td>${ref(c.holder)}</td></tr>`,
    `<tr><th>${e(h.incoming)}</th><td>${ref(c.successor)}</td></tr>`,
    `<tr><th>${e(h.status)}</th><td>${e(d.status)} — ${d.acknowledged} ${e(h.of)} ${d.total} ${e(h.acknowledged)}</td></tr>`,
    `<tr><th>${e(h.generated)}</th><td>${instant(d.generatedAt)}</td></tr>`,
    d.submittedAt ? `<tr><th>${e(h.submitted)}</th><td>${instant(d.submittedAt)}</td></tr>` : '',
    d.archivedAt ? `<tr><th>${e(h.archived)}</th><td>${instant(d.archivedAt)}</td></tr>` : '',
    `</tbody></table>`,
    section(
      h.troika,
      list([`${e(h.previous)}: ${ref(c.troika.previous)}`, `${e(h.current)}: ${ref(c.troika.current)}`, `${e(h.next)}: ${ref(c.troika.next)}`]),
    ),
    section(`${h.items} (${c.actionItems.total}, ${c.actionItems.overdue} ${h.overdue})`, items || `<p class="empty">${e(h.empty)}</p>`),
    section(h.pending, list(c.decisions.pending.map((x) => `${e(pick(x.text, language))}${x.meetingTitle ? ` — ${e(x.meetingTitle)}` : ''}${key(x.key)}`))),
    section(h.deferred, list(c.decisions.deferred.map((x) => `${e(pick(x.text, language))}${x.meetingTitle ? ` — ${e(x.meetingTitle)}` : ''}${key(x.key)}`))),
    section(
      h.silence,
      list(
        c.silenceProcedures.map(
          (x) =>
            `${e(pick(x.text, language))} — ${e(h.deadline)} ${instant(x.deadline)}${x.standingObjections ? ` (${x.standingObjections} ${e(h.objections)})` : ''}${key(x.key)}`,
        ),
      ),
    ),
    section(
      h.meetings,
      list(c.meetings.map((m) => `${instant(m.startsAt)} — ${e(m.title)} (${e(m.kind)}, ${e(m.status)}${m.venue ? `, ${e(m.venue)}` : ''})${key(m.key)}`)),
    ),
    section(
      h.bodies,
      list(
        c.bodies.map(
          (b) =>
            `${e(b.name)}${b.mandateEnd ? ` — ${e(h.mandateEnds)} ${day(b.mandateEnd)}` : ''}${b.leadsEnding.map((l) => ` — ${e(h.leadEnds)}: ${e(l.participantName)} ${day(l.lastDay)}`).join('')}${key(b.key)}`,
        ),
      ),
    ),
    section(
      h.contacts,
      list(
        c.contacts.map(
          (x) =>
            `<strong>${e(x.participantName)}</strong>${x.contactEmail ? ` &lt;${e(x.contactEmail)}&gt;` : ''}${x.people.length ? `: ${x.people.map((p) => `${e(p.name)} (${e(p.role)}) &lt;${e(p.email)}&gt;`).join('; ')}` : ''}`,
        ),
      ),
    ),
    section(h.priorities, list(c.priorities.map((p) => `${e(pick(p.title, language))} — ${e(p.status)}${p.notes ? `: ${e(p.notes)}` : ''}${key(p.key)}`))),
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="${e(language)}">
<head>
<meta charset="utf-8">
<title>${e(h.title)} — ${e(d.councilName)}</title>
<style>
body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.5em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .2em .5em; border-bottom: 1px solid #ddd; vertical-align: top; }
tr.overdue td { color: #8a1c1c; } .key { color: #777; font-size: .8em; } .empty { color: #777; font-style: italic; }
@media print { body { margin: 0; max-width: none; } section { page-break-inside: auto; } h2 { page-break-after: avoid; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
