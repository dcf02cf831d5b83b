/**
 * The messages the notifications module can render, and the data each one needs.
 * Pure types and constants: no Nest, no database.
 */

export const MESSAGE_KINDS = ['council.reminder', 'account.password_link', 'meeting.reminder', 'digest.daily', 'notice'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The council's working languages; every message exists in all four. */
export const MESSAGE_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * A point in time. `Date` is the normal input; an ISO 8601 string with an offset (what a `Date`
 * becomes after a JSON/jsonb round trip through the outbox) is accepted too.
 */
export type Instant = Date | string;

/** Present in every message's data. */
export interface RecipientData {
  recipientName: string;
  /** IANA zone every instant is shown in, e.g. 'America/Mexico_City'. */
  recipientTimeZone: string;
  /** Optional link to the recipient's notification preferences, shown in the footer. */
  preferencesUrl?: string | null;
}

export interface CouncilReminderData extends RecipientData {
  councilName: string;
  title: string;
  message: string;
  sendAt: Instant;
}

export interface PasswordLinkData extends RecipientData {
  councilName?: string | null;
  fullName: string;
  /** http(s) only; anything else is refused. */
  url: string;
  expiresAt: Instant;
}

export interface MeetingReminderData extends RecipientData {
  councilName: string;
  meetingTitle: string;
  startsAt: Instant;
  endsAt: Instant;
  /** IANA zone of the meeting (where it physically happens, or the one the secretariat chose). */
  meetingTimeZone: string;
  venue?: string | null;
  /** http(s) only; anything else is refused. */
  onlineLink?: string | null;
  /** Whole days before the start (0 = today, 1 = tomorrow …). */
  daysBefore: number;
}

export interface DigestItem {
  /** What the item is about, e.g. 'meeting.reminder', 'council.reminder'; unknown kinds get a generic label. */
  kind: string;
  title: string;
  summary: string;
  at: Instant;
}

export interface DailyDigestData extends RecipientData {
  councilName?: string | null;
  /** The recipient's local date the digest covers, 'yyyy-MM-dd' (other strings are shown as given). */
  date: string;
  items: DigestItem[];
}

/** A row of a notice: a label (a phrase of the notice, or 'common.*') and a text or an instant. */
export interface NoticeRow {
  /** Phrase name in the notice's catalog (e.g. 'deadline'), or a common phrase key ('common.when'). */
  label: string;
  text?: string | null;
  /** Shown in the recipient's zone, and also in `zone` when given and different. */
  at?: Instant | null;
  zone?: string | null;
}

/**
 * 'notice' — a message whose phrases live in a notice catalog (a feature's *.phrases.ts, gathered in notices/index.ts) rather than in its own
 * template: subject, intro and why of `notice`, rendered over `vars`; optional quoted body, rows and link.
 */
export interface NoticeData extends RecipientData {
  councilName: string;
  /** Name in NOTICES, e.g. 'minutes.circulated'. */
  notice: string;
  vars?: Record<string, string | number>;
  body?: string | null;
  rows?: NoticeRow[];
  /** `label` is a phrase of the notice; http(s) only. */
  link?: { label: string; url: string } | null;
}

/** A notice's data as a kind prepares it: the recipient's fields are added per recipient when it is rendered. */
export type NoticeMessage = Omit<NoticeData, 'recipientName' | 'recipientTimeZone'>;

export interface MessageDataByKind {
  'council.reminder': CouncilReminderData;
  'account.password_link': PasswordLinkData;
  'meeting.reminder': MeetingReminderData;
  'digest.daily': DailyDigestData;
  notice: NoticeData;
}

export type MessageData<K extends MessageKind = MessageKind> = MessageDataByKind[K];

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

export function isMessageLanguage(value: unknown): value is MessageLanguage {
  return typeof value === 'string' && (MESSAGE_LANGUAGES as readonly string[]).includes(value);
}
