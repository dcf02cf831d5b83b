/**
 * Message templates of the notifications module: pure rendering, no Nest, no database.
 *   renderMessage(kind, language, data) → { subject, text, html }
 *   meetingCalendar(meeting)            → invite.ics attachment
 *   localDateTime(date, zone, language) → "lunes, 9 de marzo de 2026, 08:00 (hora estándar central, GMT-6)"
 */
export { renderMessage } from './render-message.js';
export { meetingCalendar, type CalendarAttachment, type MeetingCalendarInput } from './meeting-calendar.js';
export { localDateTime, localDateTimeRange, isKnownTimeZone, LOCALE_OF } from './local-date-time.js';
export { MessageTemplateException } from './message-template.exception.js';
export {
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  isMessageKind,
  isMessageLanguage,
  type CouncilReminderData,
  type DailyDigestData,
  type DigestItem,
  type Instant,
  type MeetingReminderData,
  type MessageData,
  type MessageDataByKind,
  type MessageKind,
  type MessageLanguage,
  type NoticeData,
  type NoticeRow,
  type PasswordLinkData,
  type RecipientData,
  type RenderedMessage,
} from './message-kinds.js';
export { NOTICES, type NoticeCatalog, type NoticePhrases } from './notices/index.js';
