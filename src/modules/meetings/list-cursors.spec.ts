import { decodeMeetingCursor, decodeSeriesCursor, encodeMeetingCursor, encodeSeriesCursor } from './list-cursors.js';

const ID = '0b5e4a52-8a4f-4c1e-9a43-2f1f7f0c9d11';
const raw = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('meeting list cursors', () => {
  it('round-trip', () => {
    expect(decodeMeetingCursor(encodeMeetingCursor({ startsAt: '2026-05-20T15:00:00.123456Z', id: ID }))).toEqual({
      startsAt: '2026-05-20T15:00:00.123456Z',
      id: ID,
    });
    expect(decodeSeriesCursor(encodeSeriesCursor({ firstDate: '2024-02-29', id: ID.toUpperCase() }))).toEqual({ firstDate: '2024-02-29', id: ID });
  });

  it('refuse what the API did not produce', () => {
    for (const c of [
      '',
      'not a cursor',
      raw(`2026-05-20T15:00:00Z|${ID}`),
      raw(`2026-02-30T15:00:00.000000Z|${ID}`),
      raw(`2026-05-20T15:00:00.123456Z|x`),
      raw(`2026-05-20T15:00:00.123456Z|${ID}|x`),
    ]) {
      expect(decodeMeetingCursor(c)).toBeNull();
    }
    for (const c of [raw(`2025-02-29|${ID}`), raw(`0000-01-01|${ID}`), raw(`2026-5-1|${ID}`), raw(ID)]) expect(decodeSeriesCursor(c)).toBeNull();
  });
});
