import { makePdf, pageCount, readPdf } from '../../../../test/support/pdf-text.js';
import { buildPack } from './meeting-pack-builder.js';
import { type PackAgendaItem, type PackDocumentRow, type PackMeeting, packKey, selectPapers } from './meeting-pack-source.js';

const meeting: PackMeeting = {
  id: '00000000-0000-4000-8000-000000000001',
  councilId: '00000000-0000-4000-8000-000000000002',
  councilName: 'Consejo de Migración',
  workingLanguages: ['es', 'en'],
  title: 'Reunión de altos funcionarios',
  kind: 'senior_officials',
  bodyName: null,
  startsAt: '2027-03-10T15:00:00.000Z',
  endsAt: '2027-03-10T23:00:00.000Z',
  timeZone: 'America/Mexico_City',
  venue: 'Ciudad de México',
  onlineUrl: null,
  agendaStatus: 'circulated',
  agendaVersion: 3,
};
const item = (n: number): PackAgendaItem => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  position: n,
  title: { es: `Punto ${n} en español`, en: `Item ${n} in English` },
  purpose: 'decision',
  presenterName: 'Mexico',
  minutesAllotted: 30,
  supplementary: false,
  version: 1,
});
const doc = (n: number, itemNo: number, language: string, extra: Partial<PackDocumentRow> = {}): PackDocumentRow => ({
  documentId: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
  agendaItemId: item(itemNo).id,
  language,
  title: `Paper ${n} ${language}`,
  visibility: 'members',
  versionId: `00000000-0000-4000-8000-0000000003${String(n).padStart(2, '0')}`,
  versionNumber: 1,
  blobId: `blob-${n}`,
  contentType: 'application/pdf',
  fileName: `paper-${n}.pdf`,
  sha256: 'a'.repeat(64),
  ...extra,
});

describe('meeting pack', () => {
  it('chooses the paper in the language, else the first working language (marked), never restricted papers for members', () => {
    const items = [item(1), item(2), item(3), item(4)];
    const docs = [
      doc(1, 1, 'en'),
      doc(2, 1, 'es'),
      doc(3, 2, 'es'),
      doc(4, 3, 'en', { visibility: 'member_states' }),
      doc(5, 4, 'en', { contentType: 'image/png' }),
    ];
    const en = selectPapers(meeting, items, docs, 'en', 'members');
    expect(en.entries.map((e) => [e.paper?.documentId.slice(-2) ?? null, e.paper?.fallback ?? null, e.notPdf?.contentType ?? null])).toEqual([
      ['01', false, null],
      ['03', true, null],
      [null, null, null],
      [null, null, 'image/png'],
    ]);
    expect(selectPapers(meeting, items, docs, 'en', 'member_states').entries[2]!.paper?.documentId.slice(-2)).toBe('04');
    // The key names the versions: a new version is another key.
    const again = selectPapers(
      meeting,
      items,
      [{ ...docs[0]!, versionId: '00000000-0000-4000-8000-000000000399', versionNumber: 2 }, ...docs.slice(1)],
      'en',
      'members',
    );
    expect(packKey(again)).not.toBe(packKey(en));
    expect(packKey(selectPapers(meeting, items, docs, 'en', 'members'))).toBe(packKey(en));
  });

  it('merges cover, agenda and papers, in order, with an outline per item and the fallback marked on the cover', async () => {
    const items = [item(1), item(2), item(3)];
    const papers: Record<string, Buffer> = {
      'blob-1': await makePdf('Alpha', 3),
      'blob-3': await makePdf('Gamma', 2),
      'blob-9': Buffer.from('%PDF-1.7 broken'),
    };
    const docs = [doc(1, 1, 'en'), doc(3, 2, 'es'), doc(9, 3, 'en', { blobId: 'blob-9' })];
    const source = selectPapers(meeting, items, docs, 'en', 'members');
    const built = await buildPack(source, async (blobId) => papers[blobId]!);
    const front = built.manifest.frontPages;
    expect(built.pageCount).toBe(front + 3 + 2);
    expect(await pageCount(built.bytes)).toBe(built.pageCount);
    const pdf = await readPdf(built.bytes);
    expect(pdf.pages[0]).toContain('Meeting pack');
    expect(pdf.pages[0]).toContain('Consejo de Migración');
    expect(pdf.pages[0]).toContain('Wednesday, March 10, 2027, 09:00–17:00 (America/Mexico_City)');
    expect(pdf.pages[0]).toContain('Paper 3 es');
    expect(pdf.pages[0]).toContain('ES (fallback)');
    expect(pdf.pages[0]).toContain('could not be read, not included');
    expect(pdf.pages[built.manifest.agendaPage - 1]).toContain('Item 2 in English');
    expect(pdf.pages[front]).toContain('Alpha page 1');
    expect(pdf.pages[front + 3]).toContain('Gamma page 1');
    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([
      ['Meeting pack', 1],
      ['Agenda', built.manifest.agendaPage],
      ['1. Item 1 in English', front + 1],
      ['2. Item 2 in English', front + 4],
    ]);
    expect(pdf.outline[3]!.children.map((c) => c.title)).toEqual(['Paper 3 es (ES, fallback)']);
    expect(built.manifest.items.map((i) => i.state)).toEqual(['included', 'included', 'unreadable']);
  });
});
