import { isUuid } from '../../core/validation/uuid.js';

/** The position after which the next page starts: the last item's (due date, id). */
export interface KeysetPosition {
  dueDate: string;
  id: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.dueDate}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this API produced. */
export function decodeCursor(cursor: string): KeysetPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [dueDate, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !dueDate || !id || !DATE.test(dueDate) || !isUuid(id)) return null;
  if (!isCalendarDate(dueDate)) return null;
  return { dueDate, id: id.toLowerCase() };
}

/**
 * A day that exists (and that PostgreSQL's date holds): Date.parse rolls
 * 2024-02-30 over to March 1st, so the date must read back unchanged; there is no year 0.
 */
function isCalendarDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date && !date.startsWith('0000');
}
