import { readPdf } from '../../../test/support/pdf-text.js';
import { winAnsi } from './pdf-text.js';
import { PdfWriter } from './pdf-writer.js';

describe('winAnsi', () => {
  it('keeps every letter of es, en, fr and pt, and the usual punctuation', () => {
    const s = 'Año señor — canción «œuvre» l’été Troïka ç ã õ ê ü … €';
    expect(winAnsi(s)).toBe(s);
  });
  it('replaces what the standard fonts cannot show: by the base letter, else "?"; drops controls', () => {
    expect(winAnsi('Ōsaka → Ελλάδα\u0007 ok')).toBe('Osaka ? ?????? ok');
    expect(winAnsi('a\r\nb\u00a0c')).toBe('a\nb c');
  });
});

describe('PdfWriter', () => {
  it('writes headings, wrapped text, tables across pages and page numbers that a PDF reader extracts', async () => {
    const w = new PdfWriter({ title: 'Informe de avance — Consejo', language: 'es' });
    w.title('Informe de avance — Consejo');
    w.fields([
      ['Consejo', 'Consejo de Migración'],
      ['Al', '2026-12-02'],
    ]);
    w.heading('Resumen');
    w.paragraph('Párrafo largo con acentos: áéíóú ñ ç ã õ ê ü. '.repeat(60));
    w.heading('Tareas por responsable');
    w.table(
      [
        { header: 'Tarea', width: 3 },
        { header: 'Vence', width: 1, align: 'right' },
      ],
      Array.from({ length: 120 }, (_, i) => ({ cells: [`Tarea número ${i + 1}`, '2027-01-01'], alert: i % 7 === 0 })),
    );
    w.bullets([], 'Ninguno.');
    const pdf = await readPdf(await w.toBuffer());
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.title).toBe('Informe de avance — Consejo');
    expect(pdf.pages[0]).toContain('Informe de avance — Consejo');
    expect(pdf.text).toContain('áéíóú ñ ç ã õ ê ü');
    expect(pdf.text).toContain('Tarea número 120');
    expect(pdf.text).toContain('Ninguno.');
    // The header is repeated on the next page of the table, and every page has its number.
    expect(pdf.pages.filter((p) => p.includes('Tarea Vence')).length).toBeGreaterThanOrEqual(2);
    pdf.pages.forEach((p, i) => expect(p).toContain(`Página ${i + 1} de ${pdf.pageCount}`));
  });
});
