import { escapeHtml } from '../../core/text/escape-html.js';
import { textIn } from '../../core/text/localized-text.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../action-items/entities/action-item.entity.js';
import type { ProgressReportSnapshot } from './progress-report-snapshot.js';

export const REPORT_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface Labels {
  report: string;
  for: string;
  body: string;
  asOf: string;
  summary: string;
  recommendations: string;
  recommendation: string;
  focusArea: string;
  items: string;
  completion: string;
  overdue: string;
  byOwner: string;
  owner: string;
  item: string;
  due: string;
  status: string;
  progress: string;
  latest: string;
  none: string;
  truncated: string;
  statuses: Record<ActionItemStatus, string>;
}

/** The report's words per language (the HTML and the PDF document). */
export const LABELS: Record<ReportLanguage, Labels> = {
  en: {
    report: 'Progress report',
    for: 'For',
    body: 'Body',
    asOf: 'As of',
    summary: 'Summary',
    recommendations: 'Recommendations',
    recommendation: 'Recommendation',
    focusArea: 'Focus area',
    items: 'Items',
    completion: 'Completion',
    overdue: 'Overdue',
    byOwner: 'Items by owner',
    owner: 'Owner',
    item: 'Action item',
    due: 'Due',
    status: 'Status',
    progress: 'Progress',
    latest: 'Latest report',
    none: 'No open items.',
    truncated: 'Only the first {n} items are listed.',
    statuses: {
      open: 'Open',
      acknowledged: 'Acknowledged',
      in_progress: 'In progress',
      blocked: 'Blocked',
      done: 'Done',
      verified: 'Verified',
      cancelled: 'Cancelled',
    },
  },
  es: {
    report: 'Informe de avance',
    for: 'Para',
    body: 'Órgano',
    asOf: 'Al',
    summary: 'Resumen',
    recommendations: 'Recomendaciones',
    recommendation: 'Recomendación',
    focusArea: 'Área de enfoque',
    items: 'Tareas',
    completion: 'Cumplimiento',
    overdue: 'Vencidas',
    byOwner: 'Tareas por responsable',
    owner: 'Responsable',
    item: 'Tarea',
    due: 'Vence',
    status: 'Estado',
    progress: 'Avance',
    latest: 'Último informe',
    none: 'No hay tareas pendientes.',
    truncated: 'Solo se listan las primeras {n} tareas.',
    statuses: {
      open: 'Abierta',
      acknowledged: 'Aceptada',
      in_progress: 'En curso',
      blocked: 'Bloqueada',
      done: 'Terminada',
      verified: 'Verificada',
      cancelled: 'Cancelada',
    },
  },
  fr: {
    report: "Rapport d'avancement",
    for: 'Pour',
    body: 'Organe',
    asOf: 'Au',
    summary: 'Synthèse',
    recommendations: 'Recommandations',
    recommendation: 'Recommandation',
    focusArea: 'Axe',
    items: 'Actions',
    completion: 'Réalisation',
    overdue: 'En retard',
    byOwner: 'Actions par responsable',
    owner: 'Responsable',
    item: 'Action',
    due: 'Échéance',
    status: 'Statut',
    progress: 'Avancement',
    latest: 'Dernier compte rendu',
    none: 'Aucune action en cours.',
    truncated: 'Seules les {n} premières actions sont listées.',
    statuses: {
      open: 'Ouverte',
      acknowledged: 'Prise en compte',
      in_progress: 'En cours',
      blocked: 'Bloquée',
      done: 'Terminée',
      verified: 'Vérifiée',
      cancelled: 'Annulée',
    },
  },
  pt: {
    report: 'Relatório de progresso',
    for: 'Para',
    body: 'Órgão',
    asOf: 'Em',
    summary: 'Resumo',
    recommendations: 'Recomendações',
    recommendation: 'Recomendação',
    focusArea: 'Área de foco',
    items: 'Ações',
    completion: 'Conclusão',
    overdue: 'Atrasadas',
    byOwner: 'Ações por responsável',
    owner: 'Responsável',
    item: 'Ação',
    due: 'Prazo',
    status: 'Situação',
    progress: 'Progresso',
    latest: 'Último relato',
    none: 'Nenhuma ação pendente.',
    truncated: 'Apenas as primeiras {n} ações são listadas.',
    statuses: {
      open: 'Aberta',
      acknowledged: 'Reconhecida',
      in_progress: 'Em andamento',
      blocked: 'Bloqueada',
      done: 'Concluída',
      verified: 'Verificada',
      cancelled: 'Cancelada',
    },
  },
};

export function reportLanguage(workingLanguages: readonly string[]): ReportLanguage {
  const first = workingLanguages[0];
  return (REPORT_LANGUAGES as readonly string[]).includes(first ?? '') ? (first as ReportLanguage) : 'en';
}

export function reportTitle(lang: ReportLanguage, councilName: string, bodyName: string | null): string {
  return `${LABELS[lang].report} — ${bodyName ?? councilName}`;
}

const pct = (v: number | null): string => (v === null ? '—' : `${v.toLocaleString('en', { maximumFractionDigits: 1 })} %`);
const text = textIn;

/** The report as a self-contained, print-friendly HTML document; every value from the database is escaped. */
export function renderProgressReportHtml(s: ProgressReportSnapshot, lang: ReportLanguage): string {
  const L = LABELS[lang];
  const e = escapeHtml;
  const statusHeads = ACTION_ITEM_STATUSES.map((st) => `<th scope="col">${e(L.statuses[st])}</th>`).join('');
  const statusCells = (by: Record<ActionItemStatus, number>) => ACTION_ITEM_STATUSES.map((st) => `<td class="n">${by[st]}</td>`).join('');
  const recRows = s.recommendations
    .map(
      (r) =>
        `<tr><td>${e(r.focusAreaCode)}</td><td>${r.number}. ${e(r.title)}</td><td class="n">${r.total}</td><td class="n">${e(pct(r.completionPercent))}</td><td class="n${r.overdue > 0 ? ' late' : ''}">${r.overdue}</td>${statusCells(r.byStatus)}</tr>`,
    )
    .join('\n');
  const ownerSections = s.owners
    .map((o) => {
      const items = s.items.filter((i) => (i.ownerBodyId ?? i.ownerDelegationId) === o.ownerId);
      const rows = items
        .map(
          (i) =>
            `<tr${i.overdue ? ' class="late"' : ''}><td>${e(text(i.title, lang))}</td><td>${e(i.dueDate)}${i.overdue ? ` <strong>(${e(L.overdue)})</strong>` : ''}</td><td>${e(L.statuses[i.status])}</td><td>${i.progressPercent === null ? '—' : `${i.progressPercent} %`}${i.progressRag ? ` <span class="rag ${e(i.progressRag)}">${e(i.progressRag)}</span>` : ''}</td><td>${e(i.latestProgressText ?? '')}</td></tr>`,
        )
        .join('\n');
      return `<section class="owner"><h3>${e(o.ownerName)}</h3>
<p>${e(L.items)}: ${o.total} · ${e(L.completion)}: ${e(pct(o.completionPercent))} · ${e(L.overdue)}: ${o.overdue}</p>
${
  items.length === 0
    ? `<p>${e(L.none)}</p>`
    : `<table><thead><tr><th scope="col">${e(L.item)}</th><th scope="col">${e(L.due)}</th><th scope="col">${e(L.status)}</th><th scope="col">${e(L.progress)}</th><th scope="col">${e(L.latest)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
}</section>`;
    })
    .join('\n');
  const title = reportTitle(lang, s.council.name, s.body?.name ?? null);
  return `<!DOCTYPE html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<title>${e(title)}</title>
<style>
body { font-family: Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 60em; color: #111; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #999; } h3 { margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
td.n { text-align: right; } .late { color: #a00; } .rag { font-size: 0.8em; text-transform: uppercase; }
@media print { body { margin: 0; max-width: none; } section.owner { page-break-inside: avoid; } a { color: inherit; } }
</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p>${e(s.council.name)}${s.body ? ` · ${e(L.body)}: ${e(s.body.name)}` : ''}${s.meeting ? ` · ${e(L.for)}: ${e(s.meeting.title)} (${e(s.meeting.startsAt.slice(0, 10))})` : ''} · ${e(L.asOf)} ${e(s.today)}</p>
</header>
<h2>${e(L.summary)}</h2>
<table><thead><tr><th scope="col">${e(L.items)}</th><th scope="col">${e(L.completion)}</th><th scope="col">${e(L.overdue)}</th>${statusHeads}</tr></thead>
<tbody><tr><td class="n">${s.overall.total}</td><td class="n">${e(pct(s.overall.completionPercent))}</td><td class="n">${s.overall.overdue}</td>${statusCells(s.overall.byStatus)}</tr></tbody></table>
<h2>${e(L.recommendations)}</h2>
<table><thead><tr><th scope="col">${e(L.focusArea)}</th><th scope="col">${e(L.recommendation)}</th><th scope="col">${e(L.items)}</th><th scope="col">${e(L.completion)}</th><th scope="col">${e(L.overdue)}</th>${statusHeads}</tr></thead>
<tbody>
${recRows}
</tbody></table>
<h2>${e(L.byOwner)}</h2>
${s.itemsTruncated ? `<p>${e(L.truncated.replace('{n}', String(s.items.length)))}</p>` : ''}
${ownerSections}
</body>
</html>
`;
}
