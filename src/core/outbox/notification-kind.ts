import type { EntityManager } from 'typeorm';
import type { NotificationKindName } from './notification-payloads.js';

export interface OutboxRow {
  id: string;
  councilId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  occurrence: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  generation: number;
  /** The request that made or last rescheduled the row (for the worker's logs); null when the worker made it. */
  requestId?: string | null;
}

export interface Recipient {
  userId: string;
  email: string;
  fullName: string;
  /** Already chosen among the council's working languages. */
  language: 'es' | 'en' | 'fr' | 'pt';
  timeZone: string;
}

export interface PreparedMessage {
  /** Template data for the kind (see notifications/templates), without the recipient fields. */
  data: Record<string, unknown>;
  /** Calendar attachment, where a meeting is concerned. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** Who is to be told, and what each is told. */
export interface PreparedNotification {
  recipients: Recipient[];
  /** The message to render when it is not the row's kind: 'notice' for kinds whose phrases live in a notice catalog. */
  messageKind?: string;
  message: (r: Recipient) => PreparedMessage;
}

/**
 * One kind of notification: reloads its subject when the time comes (returns
 * null when there is nothing to say any more — meeting cancelled, item done),
 * names the recipients, and gives the template data per recipient.
 */
export interface NotificationKind {
  readonly kind: NotificationKindName;
  prepare(em: EntityManager, row: OutboxRow): Promise<PreparedNotification | null>;
  /**
   * Optional, for kinds that fire in bulk (e.g. many reminders due at one moment): the same for many rows in a
   * few queries. A row missing from the map has nothing to send.
   */
  prepareMany?(em: EntityManager, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>>;
}
