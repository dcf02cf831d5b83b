import PDFDocument from 'pdfkit';
import { winAnsi } from './pdf-text.js';

/**
 * Writes the printable documents (handover dossier, minutes, progress reports, the meeting pack's cover and agenda)
 * as PDF on the server, without a browser: PDFKit with the standard fonts (nothing to embed; see pdf-text.ts for the
 * characters they show), A4, headings, wrapped paragraphs, lists, label/value blocks and tables that continue on the
 * next page with their header, and "page n of N" on every page. Every text goes through winAnsi().
 */

export const PDF_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

const PAGE_LABEL: Record<PdfLanguage, (n: number, total: number) => string> = {
  en: (n, t) => `Page ${n} of ${t}`,
  es: (n, t) => `Página ${n} de ${t}`,
  fr: (n, t) => `Page ${n} sur ${t}`,
  pt: (n, t) => `Página ${n} de ${t}`,
};

export interface PdfMeta {
  title: string;
  language: PdfLanguage;
  /** Shown at the foot of every page, left (default: the title). */
  footer?: string;
  subject?: string;
}

export interface PdfColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfRow {
  cells: string[];
  /** Shown in the warning colour (an overdue item). */
  alert?: boolean;
}

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const COLOR = { text: '#111111', muted: '#666666', alert: '#8a1c1c', rule: '#999999', grid: '#cccccc' } as const;
const SIZE = { title: 18, h2: 13, h3: 11, body: 10, table: 8.5, small: 8 } as const;
const MARGIN = 56;
const CELL_PAD = 3;

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(private readonly meta: PdfMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: meta.language,
      displayTitle: true,
      info: { Title: winAnsi(meta.title), ...(meta.subject ? { Subject: winAnsi(meta.subject) } : {}), Creator: 'protempore', Producer: 'protempore (PDFKit)' },
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page when less than `height` points are left on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The document's title (large, bold). */
  title(text: string): this {
    this.doc.x = this.left;
    this.doc.font(FONT.bold).fontSize(SIZE.title).fillColor(COLOR.text).text(winAnsi(text), { width: this.width });
    this.doc.moveDown(0.4);
    return this.reset();
  }

  /** A section heading (level 2, ruled) or a sub-heading (level 3); never alone at the foot of a page. */
  heading(text: string, level: 2 | 3 = 2): this {
    const size = level === 2 ? SIZE.h2 : SIZE.h3;
    this.doc.font(FONT.bold).fontSize(size);
    const t = winAnsi(text);
    this.doc.moveDown(level === 2 ? 0.8 : 0.5);
    this.room(this.doc.heightOfString(t, { width: this.width }) + 40);
    this.doc.x = this.left;
    this.doc.fillColor(COLOR.text).text(t, { width: this.width });
    if (level === 2) {
      const y = this.doc.y + 1;
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      this.doc.moveDown(0.3);
    }
    this.doc.moveDown(0.2);
    return this.reset();
  }

  /** A wrapped paragraph (it continues on the next page when long). */
  paragraph(text: string, options: { muted?: boolean; italic?: boolean; bold?: boolean; size?: number } = {}): this {
    this.doc.x = this.left;
    this.doc
      .font(options.bold ? FONT.bold : options.italic ? FONT.italic : FONT.regular)
      .fontSize(options.size ?? SIZE.body)
      .fillColor(options.muted ? COLOR.muted : COLOR.text)
      .text(winAnsi(text), { width: this.width, paragraphGap: 3 });
    return this.reset();
  }

  /** Label: value lines (the document's particulars). */
  fields(rows: [label: string, value: string][]): this {
    const labelWidth = Math.min(150, this.width * 0.3);
    for (const [label, value] of rows) {
      this.doc.font(FONT.regular).fontSize(SIZE.body);
      const v = winAnsi(value);
      const l = winAnsi(label);
      const h = Math.max(
        this.doc.font(FONT.bold).heightOfString(l, { width: labelWidth - 6 }),
        this.doc.font(FONT.regular).heightOfString(v, { width: this.width - labelWidth }),
      );
      this.room(h);
      const y = this.doc.y;
      this.doc
        .font(FONT.bold)
        .fillColor(COLOR.text)
        .text(l, this.left, y, { width: labelWidth - 6 });
      this.doc.font(FONT.regular).text(v, this.left + labelWidth, y, { width: this.width - labelWidth });
      this.doc.y = y + h + 2;
    }
    return this.reset();
  }

  /** A bulleted list; `empty` is written (muted) when there is nothing. */
  bullets(items: string[], empty: string): this {
    if (items.length === 0) return this.paragraph(empty, { muted: true, italic: true });
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
    for (const item of items) {
      const t = winAnsi(item);
      this.room(this.doc.heightOfString(t, { width: this.width - 12 }));
      const y = this.doc.y;
      this.doc.text('•', this.left, y, { width: 10 });
      this.doc.text(t, this.left + 12, y, { width: this.width - 12, paragraphGap: 2 });
    }
    return this.reset();
  }

  /** A table; rows wrap their cells, and a table that goes past the page goes on with its header repeated. */
  table(columns: PdfColumn[], rows: PdfRow[]): this {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const heightOf = (cells: string[], font: string) => {
      this.doc.font(font).fontSize(SIZE.table);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    };
    const draw = (cells: string[], font: string, color: string, h: number) => {
      const y = this.doc.y;
      this.doc.font(font).fontSize(SIZE.table).fillColor(color);
      cells.forEach((c, i) => this.doc.text(c, xs[i]! + CELL_PAD, y + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD, align: columns[i]!.align ?? 'left' }));
      this.doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.4)
        .strokeColor(COLOR.grid)
        .stroke();
      this.doc.y = y + h;
    };
    const header = columns.map((c) => winAnsi(c.header));
    const headerHeight = heightOf(header, FONT.bold);
    const drawHeader = () => draw(header, FONT.bold, COLOR.text, headerHeight);
    this.doc.moveDown(0.2);
    const body = rows.map((r) => ({ cells: columns.map((_, i) => winAnsi(r.cells[i] ?? '')), alert: r.alert ?? false }));
    const first = body[0] ? heightOf(body[0].cells, FONT.regular) : 0;
    this.room(headerHeight + first);
    drawHeader();
    for (const row of body) {
      const h = heightOf(row.cells, FONT.regular);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      draw(row.cells, FONT.regular, row.alert ? COLOR.alert : COLOR.text, h);
    }
    this.doc.moveDown(0.6);
    return this.reset();
  }

  /** Vertical space, in lines. */
  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Starts a new page. */
  newPage(): this {
    this.doc.addPage();
    return this.reset();
  }

  /** How many pages are written so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  private reset(): this {
    this.doc.x = this.left;
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
    return this;
  }

  /** Writes the foot of every page (the title, "page n of N") and returns the whole PDF. */
  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    const label = PAGE_LABEL[this.meta.language];
    const footer = winAnsi(this.meta.footer ?? this.meta.title);
    const short = footer.length > 90 ? `${footer.slice(0, 89)}…` : footer;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing below the margin must not open a new page
      const y = this.doc.page.height - MARGIN / 2 - SIZE.small;
      const pageText = label(i - range.start + 1, range.count);
      this.doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      const labelWidth = this.doc.widthOfString(pageText) + 2;
      this.doc.text(short, this.left, y, { width: this.width - labelWidth - 12, lineBreak: false, height: SIZE.small * 1.3, ellipsis: true });
      this.doc.text(pageText, this.left + this.width - labelWidth, y, { width: labelWidth, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }
}
