import { contentDisposition, noneMatch, parseRange } from './content-headers.js';

describe('download headers', () => {
  it('names ASCII files plainly and others with RFC 5987', () => {
    expect(contentDisposition('agenda.pdf')).toBe('attachment; filename="agenda.pdf"');
    expect(contentDisposition('informe año.pdf')).toBe(`attachment; filename="informe a_o.pdf"; filename*=UTF-8''informe%20a%C3%B1o.pdf`);
    expect(contentDisposition('a"b.pdf')).toBe('attachment; filename="a_b.pdf"; filename*=UTF-8\'\'a%22b.pdf');
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(noneMatch('"x", W/"abc"', '"abc"')).toBe(true);
    expect(noneMatch('*', '"abc"')).toBe(true);
    expect(noneMatch('"x"', '"abc"')).toBe(false);
    expect(noneMatch(undefined, '"abc"')).toBe(false);
  });

  it('parses one byte range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-1', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeUndefined();
    expect(parseRange('items=0-1', 1000)).toBeUndefined();
    expect(parseRange(undefined, 1000)).toBeUndefined();
  });
});
