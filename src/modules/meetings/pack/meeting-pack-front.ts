import { DateTime } from 'luxon';
import { PdfWriter } from '../../../core/pdf/pdf-writer.js';
import { textIn } from '../../../core/text/localized-text.js';
import type { PackLanguage } from './entities/meeting-pack.entity.js';
import type { PackSource } from './meeting-pack-source.js';

/** The words of the pack's cover and agenda, per language. */
export const PACK_LABELS = {
  en: {
    pack: 'Meeting pack',
    council: 'Council',
    meeting: 'Meeting',
    body: 'Body',
    date: 'Date',
    venue: 'Venue',
    online: 'Online',
    language: 'Language',
    agendaStatus: 'Agenda',
    generated: 'Compiled',
    contents: 'Contents',
    item: 'Item',
    paper: 'Paper',
    paperLanguage: 'Language',
    page: 'Page',
    agenda: 'Agenda',
    noPaper: 'No paper',
    notPdf: 'not a PDF, not included',
    unreadable: 'could not be read, not included',
    fallbackMark: 'fallback',
    fallbackNote: (lang: string, first: string) =>
      `Papers marked "fallback" are not available in ${lang}: the version in ${first}, the council's first working language, is included.`,
    presenter: 'Presented by',
    minutes: 'min',
    supplementary: 'supplementary item',
    restricted: 'Includes papers restricted to member states.',
    agendaStatuses: { draft: 'draft', circulated: 'circulated', adopted: 'adopted' } as Record<string, string>,
    purposes: { decision: 'For decision', discussion: 'For discussion', information: 'For information', aob: 'Any other business' },
  },
  es: {
    pack: 'Carpeta de la reunión',
    council: 'Consejo',
    meeting: 'Reunión',
    body: 'Órgano',
    date: 'Fecha',
    venue: 'Lugar',
    online: 'En línea',
    language: 'Idioma',
    agendaStatus: 'Orden del día',
    generated: 'Compilada',
    contents: 'Contenido',
    item: 'Punto',
    paper: 'Documento',
    paperLanguage: 'Idioma',
    page: 'Página',
    agenda: 'Orden del día',
    noPaper: 'Sin documento',
    notPdf: 'no es PDF, no incluido',
    unreadable: 'ilegible, no incluido',
    fallbackMark: 'sustituto',
    fallbackNote: (lang: string, first: string) =>
      `Los documentos marcados «sustituto» no están disponibles en ${lang}: se incluye la versión en ${first}, el primer idioma de trabajo del consejo.`,
    presenter: 'Presenta',
    minutes: 'min',
    supplementary: 'punto suplementario',
    restricted: 'Incluye documentos reservados a los Estados miembros.',
    agendaStatuses: { draft: 'borrador', circulated: 'circulado', adopted: 'aprobado' } as Record<string, string>,
    purposes: { decision: 'Para decisión', discussion: 'Para debate', information: 'Para información', aob: 'Otros asuntos' },
  },
  fr: {
    pack: 'Dossier de séance',
    council: 'Conseil',
    meeting: 'Réunion',
    body: 'Organe',
    date: 'Date',
    venue: 'Lieu',
    online: 'En ligne',
    language: 'Langue',
    agendaStatus: 'Ordre du jour',
    generated: 'Compilé',
    contents: 'Sommaire',
    item: 'Point',
    paper: 'Document',
    paperLanguage: 'Langue',
    page: 'Page',
    agenda: 'Ordre du jour',
    noPaper: 'Aucun document',
    notPdf: 'pas un PDF, non inclus',
    unreadable: 'illisible, non inclus',
    fallbackMark: 'substitut',
    fallbackNote: (lang: string, first: string) =>
      `Les documents marqués « substitut » n’existent pas en ${lang} : la version en ${first}, première langue de travail du conseil, est incluse.`,
    presenter: 'Présenté par',
    minutes: 'min',
    supplementary: 'point supplémentaire',
    restricted: 'Comprend des documents réservés aux États membres.',
    agendaStatuses: { draft: 'projet', circulated: 'diffusé', adopted: 'adopté' } as Record<string, string>,
    purposes: { decision: 'Pour décision', discussion: 'Pour discussion', information: 'Pour information', aob: 'Questions diverses' },
  },
  pt: {
    pack: 'Pasta da reunião',
    council: 'Conselho',
    meeting: 'Reunião',
    body: 'Órgão',
    date: 'Data',
    venue: 'Local',
    online: 'On-line',
    language: 'Idioma',
    agendaStatus: 'Pauta',
    generated: 'Compilada',
    contents: 'Conteúdo',
    item: 'Item',
    paper: 'Documento',
    paperLanguage: 'Idioma',
    page: 'Página',
    agenda: 'Pauta',
    noPaper: 'Sem documento',
    notPdf: 'não é PDF, não incluído',
    unreadable: 'ilegível, não incluído',
    fallbackMark: 'substituto',
    fallbackNote: (lang: string, first: string) =>
      `Os documentos marcados "substituto" não estão disponíveis em ${lang}: incluiu-se a versão em ${first}, o primeiro idioma de trabalho do conselho.`,
    presenter: 'Apresenta',
    minutes: 'min',
    supplementary: 'item suplementar',
    restricted: 'Inclui documentos reservados aos Estados-membros.',
    agendaStatuses: { draft: 'rascunho', circulated: 'circulada', adopted: 'aprovada' } as Record<string, string>,
    purposes: { decision: 'Para decisão', discussion: 'Para debate', information: 'Para informação', aob: 'Outros assuntos' },
  },
} as const;

/** Language names, in each language. */
const LANGUAGE_NAMES: Record<PackLanguage, Record<string, string>> = {
  en: { es: 'Spanish', en: 'English', fr: 'French', pt: 'Portuguese' },
  es: { es: 'español', en: 'inglés', fr: 'francés', pt: 'portugués' },
  fr: { es: 'espagnol', en: 'anglais', fr: 'français', pt: 'portugais' },
  pt: { es: 'espanhol', en: 'inglês', fr: 'francês', pt: 'português' },
};

/** Where each item's paper landed in the pack, once merged (1-based pages), or that it could not be read. */
export type PaperPlacement = { page: number; pages: number } | 'unreadable';

export interface PackFront {
  bytes: Buffer;
  pageCount: number;
  /** 0-based index of the agenda's first page. */
  agendaPage: number;
}

/** "martes, 10 de marzo de 2026, 09:00–17:00 (America/Mexico_City)": in the meeting's zone, in the pack's language. */
export function meetingWhen(startsAt: string, endsAt: string, zone: string, lang: PackLanguage): string {
  const start = DateTime.fromISO(startsAt, { zone }).setLocale(lang);
  const end = DateTime.fromISO(endsAt, { zone }).setLocale(lang);
  const sameDay = start.toISODate() === end.toISODate();
  const endText = sameDay ? end.toFormat('HH:mm') : `${end.toLocaleString(DateTime.DATE_HUGE)}, ${end.toFormat('HH:mm')}`;
  return `${start.toLocaleString(DateTime.DATE_HUGE)}, ${start.toFormat('HH:mm')}–${endText} (${zone})`;
}

/**
 * The cover (the council, the meeting and its date in the meeting's zone, the list of items with the paper
 * included for each, its language, fallbacks marked, and the page where it starts) and the agenda in the pack's
 * language, as one PDF. `placements` is by item id; without it the page column is left empty.
 */
export async function renderPackFront(source: PackSource, placements: Map<string, PaperPlacement>, compiledAt: Date): Promise<PackFront> {
  const lang = source.language;
  const t = PACK_LABELS[lang];
  const names = LANGUAGE_NAMES[lang];
  const m = source.meeting;
  const first = m.workingLanguages[0] ?? lang;
  const title = `${t.pack} — ${m.title}`;
  const w = new PdfWriter({ title, language: lang, subject: m.councilName });
  const itemTitle = (texts: Record<string, string>) => textIn(texts, lang);

  w.title(t.pack);
  w.fields([
    [t.council, m.councilName],
    [t.meeting, m.title],
    ...(m.bodyName ? [[t.body, m.bodyName] as [string, string]] : []),
    [t.date, meetingWhen(m.startsAt, m.endsAt, m.timeZone, lang)],
    ...(m.venue ? [[t.venue, m.venue] as [string, string]] : []),
    ...(m.onlineUrl ? [[t.online, m.onlineUrl] as [string, string]] : []),
    [t.language, names[lang] ?? lang],
    ...(m.agendaStatus ? [[t.agendaStatus, t.agendaStatuses[m.agendaStatus] ?? m.agendaStatus] as [string, string]] : []),
    [t.generated, `${DateTime.fromJSDate(compiledAt, { zone: m.timeZone }).toFormat('yyyy-MM-dd HH:mm')} (${m.timeZone})`],
  ]);

  w.heading(t.contents);
  w.table(
    [
      { header: '#', width: 0.5, align: 'right' },
      { header: t.item, width: 4 },
      { header: t.paper, width: 4 },
      { header: t.paperLanguage, width: 1.6 },
      { header: t.page, width: 0.9, align: 'right' },
    ],
    source.entries.map((e) => {
      const placed = placements.get(e.item.id);
      const paper = e.paper
        ? placed === 'unreadable'
          ? `${e.paper.title} (${t.unreadable})`
          : e.paper.title
        : e.notPdf
          ? `${e.notPdf.title} (${t.notPdf})`
          : t.noPaper;
      const language = e.paper ? `${e.paper.language.toUpperCase()}${e.paper.fallback ? ` (${t.fallbackMark})` : ''}` : e.notPdf ? lang.toUpperCase() : '';
      const page = placed && placed !== 'unreadable' ? String(placed.page) : '';
      return { cells: [String(e.item.position), itemTitle(e.item.title), paper, language, page], alert: e.paper?.fallback ?? false };
    }),
  );
  if (source.entries.some((e) => e.paper?.fallback)) w.paragraph(t.fallbackNote(names[lang] ?? lang, names[first] ?? first), { muted: true, size: 9 });
  if (source.audience === 'member_states') w.paragraph(t.restricted, { muted: true, size: 9 });

  w.newPage();
  const agendaPage = w.pageCount - 1;
  w.title(t.agenda);
  w.paragraph(`${m.title} — ${meetingWhen(m.startsAt, m.endsAt, m.timeZone, lang)}`, { muted: true });
  w.space(0.5);
  for (const e of source.entries) {
    const i = e.item;
    w.heading(`${i.position}. ${itemTitle(i.title)}`, 3);
    const facts = [
      t.purposes[i.purpose],
      i.presenterName ? `${t.presenter}: ${i.presenterName}` : null,
      i.minutesAllotted ? `${i.minutesAllotted} ${t.minutes}` : null,
      i.supplementary ? t.supplementary : null,
    ].filter((x): x is string => x !== null);
    w.paragraph(facts.join(' · '), { muted: true });
  }
  const pageCount = w.pageCount;
  return { bytes: await w.toBuffer(), pageCount, agendaPage };
}
