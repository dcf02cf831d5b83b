import { PdfWriter } from '../../core/pdf/pdf-writer.js';
import { textIn } from '../../core/text/localized-text.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../action-items/entities/action-item.entity.js';
import { LABELS, type ReportLanguage, reportTitle } from './progress-report-html.js';
import type { ProgressReportSnapshot } from './progress-report-snapshot.js';

const pct = (v: number | null): string => (v === null ? '—' : `${v.toLocaleString('en', { maximumFractionDigits: 1 })} %`);

/** The frozen report as a PDF: the same sections and words as its HTML document. */
export function renderProgressReportPdf(s: ProgressReportSnapshot, lang: ReportLanguage): Promise<Buffer> {
  const L = LABELS[lang];
  const title = reportTitle(lang, s.council.name, s.body?.name ?? null);
  const w = new PdfWriter({ title, language: lang });
  const statusColumns = ACTION_ITEM_STATUSES.map((st) => ({ header: L.statuses[st], width: 1, align: 'right' as const }));
  const statusCells = (by: Record<ActionItemStatus, number>) => ACTION_ITEM_STATUSES.map((st) => String(by[st]));

  w.title(title);
  w.paragraph(
    `${s.council.name}${s.body ? ` · ${L.body}: ${s.body.name}` : ''}${s.meeting ? ` · ${L.for}: ${s.meeting.title} (${s.meeting.startsAt.slice(0, 10)})` : ''} · ${L.asOf} ${s.today}`,
    { muted: true },
  );

  w.heading(L.summary);
  w.table(
    [
      { header: L.items, width: 1, align: 'right' },
      { header: L.completion, width: 1.3, align: 'right' },
      { header: L.overdue, width: 1, align: 'right' },
      ...statusColumns,
    ],
    [{ cells: [String(s.overall.total), pct(s.overall.completionPercent), String(s.overall.overdue), ...statusCells(s.overall.byStatus)] }],
  );

  w.heading(L.recommendations);
  w.table(
    [
      { header: L.focusArea, width: 1 },
      { header: L.recommendation, width: 3.5 },
      { header: L.items, width: 0.8, align: 'right' },
      { header: L.completion, width: 1.2, align: 'right' },
      { header: L.overdue, width: 1, align: 'right' },
      ...statusColumns,
    ],
    s.recommendations.map((r) => ({
      cells: [r.focusAreaCode, `${r.number}. ${r.title}`, String(r.total), pct(r.completionPercent), String(r.overdue), ...statusCells(r.byStatus)],
      alert: r.overdue > 0,
    })),
  );

  w.heading(L.byOwner);
  if (s.itemsTruncated) w.paragraph(L.truncated.replace('{n}', String(s.items.length)), { muted: true });
  for (const o of s.owners) {
    const items = s.items.filter((i) => (i.ownerBodyId ?? i.ownerDelegationId) === o.ownerId);
    w.heading(o.ownerName, 3);
    w.paragraph(`${L.items}: ${o.total} · ${L.completion}: ${pct(o.completionPercent)} · ${L.overdue}: ${o.overdue}`);
    if (items.length === 0) {
      w.paragraph(L.none, { muted: true, italic: true });
      continue;
    }
    w.table(
      [
        { header: L.item, width: 3 },
        { header: L.due, width: 1.4 },
        { header: L.status, width: 1.2 },
        { header: L.progress, width: 1 },
        { header: L.latest, width: 3 },
      ],
      items.map((i) => ({
        cells: [
          textIn(i.title, lang),
          `${i.dueDate}${i.overdue ? ` (${L.overdue})` : ''}`,
          L.statuses[i.status],
          `${i.progressPercent === null ? '—' : `${i.progressPercent} %`}${i.progressRag ? ` ${i.progressRag}` : ''}`,
          i.latestProgressText ?? '',
        ],
        alert: i.overdue,
      })),
    );
  }
  return w.toBuffer();
}
