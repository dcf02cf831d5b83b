import { PDFHexString, PDFName, PDFNull, type PDFDocument, type PDFRef } from 'pdf-lib';

/** One bookmark: a title, the page it opens (0-based) and its children. */
export interface OutlineNode {
  title: string;
  pageIndex: number;
  children?: OutlineNode[];
}

/**
 * Writes the document outline (the bookmarks a viewer shows beside the pages) with pdf-lib's low-level objects,
 * as PDF 32000-1 §12.3.3 describes it: an /Outlines dictionary with /First, /Last and /Count, and per entry a
 * dictionary with /Title, /Parent, /Prev, /Next, its own /First, /Last, /Count for children (open), and /Dest
 * [page /XYZ null null null] (the top of the page, the zoom unchanged). Replaces any outline the document had.
 */
export function setOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  const ctx = doc.context;
  const pages = doc.getPages();

  const level = (entries: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } | null => {
    if (entries.length === 0) return null;
    const refs = entries.map(() => ctx.nextRef());
    let count = 0;
    entries.forEach((entry, i) => {
      const page = pages[entry.pageIndex];
      if (!page) throw new RangeError(`outline entry "${entry.title}" points to page ${entry.pageIndex + 1} of ${pages.length}`);
      const dict = ctx.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), ctx.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const children = level(entry.children ?? [], refs[i]!);
      if (children) {
        dict.set(PDFName.of('First'), children.first);
        dict.set(PDFName.of('Last'), children.last);
        dict.set(PDFName.of('Count'), ctx.obj(children.count)); // positive: shown open
        count += children.count;
      }
      ctx.assign(refs[i]!, dict);
      count += 1;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };

  const root = ctx.nextRef();
  const top = level(nodes, root);
  const outlines = ctx.obj({ Type: 'Outlines' });
  if (top) {
    outlines.set(PDFName.of('First'), top.first);
    outlines.set(PDFName.of('Last'), top.last);
    outlines.set(PDFName.of('Count'), ctx.obj(top.count));
  }
  ctx.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  if (top) doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
