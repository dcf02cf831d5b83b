import { isUuid } from '../../core/validation/uuid.js';

/**
 * The keyset cursors of the meeting lists: opaque to clients (base64url), checked
 * on the way back in (a cursor this API did not produce is a 400 naming `cursor`).
 */

/** After this meeting: its start in UTC to the microsecond (as PostgreSQL holds it) and its id. */
export interface MeetingPosition {
  startsAt: string;
  id: string;
}

/** After this series: its first date and its id. */
export interface SeriesPosition {
  firstDate: string;
  id: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{6}Z$/;

const encode = (a: string, id: string) => Buffer.from(`${a}|${id}`, 'utf8').toString('base64url');

function decode(cursor: string): [string, string] | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [a, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !a || !id || !isUuid(id)) return null;
  return [a, id.toLowerCase()];
}

/** The instant (or day) exists: Date.parse rolls 2024-02-30 over to March 1st, so it must read back unchanged; there is no year 0. */
function exists(isoPrefix: string): boolean {
  const t = Date.parse(isoPrefix.length === 10 ? `${isoPrefix}T00:00:00Z` : `${isoPrefix}Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(isoPrefix) && !isoPrefix.startsWith('0000');
}

export const encodeMeetingCursor = (p: MeetingPosition): string => encode(p.startsAt, p.id);

export function decodeMeetingCursor(cursor: string): MeetingPosition | null {
  const parts = decode(cursor);
  const m = parts ? INSTANT.exec(parts[0]) : null;
  if (!parts || !m || !exists(m[1]!)) return null;
  return { startsAt: parts[0], id: parts[1] };
}

export const encodeSeriesCursor = (p: SeriesPosition): string => encode(p.firstDate, p.id);

export function decodeSeriesCursor(cursor: string): SeriesPosition | null {
  const parts = decode(cursor);
  if (!parts || !DATE.test(parts[0]) || !exists(parts[0])) return null;
  return { firstDate: parts[0], id: parts[1] };
}
