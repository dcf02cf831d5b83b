import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/**
 * Reads PDFs the way a person's viewer would, for the tests: the text of each page and the outline (bookmarks),
 * extracted with pdfjs-dist (Mozilla's PDF.js, its legacy build for Node), and the page count as pdf-lib sees it.
 */

export interface OutlineEntry {
  title: string;
  /** 1-based page the entry opens. */
  page: number | null;
  children: OutlineEntry[];
}

export interface ReadPdf {
  pageCount: number;
  /** Each page's text, its runs joined by single spaces. */
  pages: string[];
  /** All the text. */
  text: string;
  outline: OutlineEntry[];
  title: string | null;
}

const require = createRequire(import.meta.url);
const fontsDir = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

export async function readPdf(bytes: Buffer | Uint8Array): Promise<ReadPdf> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, VerbosityLevel } = await pdfjs;
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fontsDir, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((i) => ('str' in i ? i.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    const pageOf = async (dest: unknown): Promise<number | null> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
      if (!explicit || !explicit[0]) return null;
      return (await doc.getPageIndex(explicit[0] as never)) + 1;
    };
    const walk = async (items: { title: string; dest: unknown; items: unknown[] }[] | null): Promise<OutlineEntry[]> =>
      Promise.all((items ?? []).map(async (i) => ({ title: i.title, page: await pageOf(i.dest), children: await walk(i.items as never) })));
    const outline = await walk((await doc.getOutline()) as never);
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string } | undefined;
    return { pageCount: doc.numPages, pages, text: pages.join('\n'), outline, title: info?.Title ?? null };
  } finally {
    await doc.destroy();
  }
}

/** The page count pdf-lib reads (a second, independent parser). */
export async function pageCount(bytes: Buffer | Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

/** A PDF of `pages` pages, each saying "<label> page <n>", made with pdf-lib (the test papers). */
export async function makePdf(label: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { StandardFonts } = await import('pdf-lib');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${label} page ${n}`, { x: 72, y: 760, size: 18, font });
  }
  return Buffer.from(await doc.save());
}
