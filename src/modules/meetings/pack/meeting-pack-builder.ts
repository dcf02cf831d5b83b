import { PDFDocument, type PDFPage } from 'pdf-lib';
import { type OutlineNode, setOutline } from '../../../core/pdf/pdf-outline.js';
import { textIn } from '../../../core/text/localized-text.js';
import { PACK_LABELS, type PaperPlacement, renderPackFront } from './meeting-pack-front.js';
import { PACK_FORMAT, type PackSource } from './meeting-pack-source.js';

/** What a built pack holds, kept with it (the cover's list, as data). */
export interface PackManifest {
  format: number;
  language: string;
  audience: string;
  pageCount: number;
  /** Pages of the cover and the agenda. */
  frontPages: number;
  /** 1-based page where the agenda starts. */
  agendaPage: number;
  items: {
    itemId: string;
    position: number;
    title: string;
    state: 'included' | 'missing' | 'not_pdf' | 'unreadable';
    paper: {
      documentId: string;
      versionId: string;
      versionNumber: number;
      title: string;
      language: string;
      fallback: boolean;
      firstPage: number | null;
      pages: number;
    } | null;
  }[];
}

export interface BuiltPack {
  bytes: Buffer;
  pageCount: number;
  manifest: PackManifest;
}

/** How many times the cover is laid out again when giving it page numbers made it longer (it never needs more). */
const FRONT_PASSES = 4;

/**
 * Compiles the pack: each chosen paper read (one at a time, `readPaper`) and its pages copied into the pack with
 * pdf-lib; then the cover and agenda (PDFKit) laid out with the page where each paper starts, put in front; then
 * the outline: cover, agenda, one entry per item with its paper beneath. A paper pdf-lib cannot read (damaged,
 * encrypted) is left out and said so on the cover.
 */
export async function buildPack(source: PackSource, readPaper: (blobId: string) => Promise<Uint8Array>, compiledAt: Date = new Date()): Promise<BuiltPack> {
  const pack = await PDFDocument.create({ updateMetadata: false });
  const offsets = new Map<string, { offset: number; pages: number } | 'unreadable'>();
  for (const e of source.entries) {
    if (!e.paper) continue;
    const bytes = await readPaper(e.paper.blobId); // a store that fails fails the build: a retry may succeed
    let pages: PDFPage[];
    try {
      const paper = await PDFDocument.load(bytes, { updateMetadata: false });
      pages = await pack.copyPages(paper, paper.getPageIndices());
      if (pages.length === 0) throw new Error('no pages');
    } catch {
      offsets.set(e.item.id, 'unreadable'); // damaged, encrypted or empty: left out, said so on the cover
      continue;
    }
    const offset = pack.getPageCount();
    for (const p of pages) pack.addPage(p);
    offsets.set(e.item.id, { offset, pages: pages.length });
  }

  // The cover lists the page where each paper starts, which depends on the cover's own length: lay it out until stable.
  let frontPages = 1;
  let front = await renderPackFront(source, placements(offsets, frontPages), compiledAt);
  for (let pass = 1; front.pageCount !== frontPages && pass < FRONT_PASSES; pass++) {
    frontPages = front.pageCount;
    front = await renderPackFront(source, placements(offsets, frontPages), compiledAt);
  }
  frontPages = front.pageCount;
  const frontDoc = await PDFDocument.load(front.bytes);
  const frontCopies = await pack.copyPages(frontDoc, frontDoc.getPageIndices());
  frontCopies.forEach((p, i) => pack.insertPage(i, p));

  const t = PACK_LABELS[source.language];
  const lang = source.language;
  const outline: OutlineNode[] = [
    { title: t.pack, pageIndex: 0 },
    { title: t.agenda, pageIndex: front.agendaPage },
  ];
  for (const e of source.entries) {
    const placed = offsets.get(e.item.id);
    if (!e.paper || !placed || placed === 'unreadable') continue;
    const pageIndex = frontPages + placed.offset;
    outline.push({
      title: `${e.item.position}. ${textIn(e.item.title, lang)}`,
      pageIndex,
      children: [{ title: `${e.paper.title} (${e.paper.language.toUpperCase()}${e.paper.fallback ? `, ${t.fallbackMark}` : ''})`, pageIndex }],
    });
  }
  setOutline(pack, outline);
  pack.setTitle(`${t.pack} — ${source.meeting.title}`, { showInWindowTitleBar: true });
  pack.setSubject(source.meeting.councilName);
  pack.setLanguage(lang);
  pack.setCreator('protempore');
  pack.setProducer('protempore (pdf-lib, PDFKit)');
  pack.setCreationDate(compiledAt);
  pack.setModificationDate(compiledAt);
  const bytes = Buffer.from(await pack.save());

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    language: lang,
    audience: source.audience,
    pageCount: pack.getPageCount(),
    frontPages,
    agendaPage: front.agendaPage + 1,
    items: source.entries.map((e) => {
      const placed = offsets.get(e.item.id);
      const state = e.paper ? (placed === 'unreadable' ? 'unreadable' : 'included') : e.notPdf ? 'not_pdf' : 'missing';
      return {
        itemId: e.item.id,
        position: e.item.position,
        title: textIn(e.item.title, lang),
        state,
        paper: e.paper && {
          documentId: e.paper.documentId,
          versionId: e.paper.versionId,
          versionNumber: e.paper.versionNumber,
          title: e.paper.title,
          language: e.paper.language,
          fallback: e.paper.fallback,
          firstPage: placed && placed !== 'unreadable' ? frontPages + placed.offset + 1 : null,
          pages: placed && placed !== 'unreadable' ? placed.pages : 0,
        },
      };
    }),
  };
  return { bytes, pageCount: manifest.pageCount, manifest };
}

function placements(offsets: Map<string, { offset: number; pages: number } | 'unreadable'>, frontPages: number): Map<string, PaperPlacement> {
  return new Map([...offsets].map(([id, o]) => [id, o === 'unreadable' ? o : { page: frontPages + o.offset + 1, pages: o.pages }]));
}
