import Handlebars from 'handlebars';
import { COUNCIL_REMINDER_HTML, COUNCIL_REMINDER_TEXT } from './council-reminder.template.js';
import { DAILY_DIGEST_HTML, DAILY_DIGEST_TEXT } from './daily-digest.template.js';
import { LAYOUT_HTML, LAYOUT_TEXT } from './layout.template.js';
import { isKnownTimeZone, localCalendarDate, localDateTime, localDateTimeRange, relativeDays, toDate } from './local-date-time.js';
import { MEETING_REMINDER_HTML, MEETING_REMINDER_TEXT } from './meeting-reminder.template.js';
import { NOTICE_HTML, NOTICE_TEXT } from './notice.template.js';
import { NOTICES, noticeDictionary } from './notices/index.js';
import {
  isMessageKind,
  isMessageLanguage,
  MESSAGE_LANGUAGES,
  type CouncilReminderData,
  type DailyDigestData,
  type Instant,
  type MeetingReminderData,
  type MessageDataByKind,
  type MessageKind,
  type MessageLanguage,
  type NoticeData,
  type PasswordLinkData,
  type RecipientData,
  type RenderedMessage,
} from './message-kinds.js';
import { MessageTemplateException } from './message-template.exception.js';
import { PASSWORD_LINK_HTML, PASSWORD_LINK_TEXT } from './password-link.template.js';
import { DICTIONARIES } from './translations/index.js';

type Flavor = 'html' | 'text';
type Template = Handlebars.TemplateDelegate;

const SOURCES: Readonly<Record<MessageKind | 'layout', Readonly<Record<Flavor, string>>>> = {
  layout: { html: LAYOUT_HTML, text: LAYOUT_TEXT },
  'council.reminder': { html: COUNCIL_REMINDER_HTML, text: COUNCIL_REMINDER_TEXT },
  'account.password_link': { html: PASSWORD_LINK_HTML, text: PASSWORD_LINK_TEXT },
  'meeting.reminder': { html: MEETING_REMINDER_HTML, text: MEETING_REMINDER_TEXT },
  'digest.daily': { html: DAILY_DIGEST_HTML, text: DAILY_DIGEST_TEXT },
  notice: { html: NOTICE_HTML, text: NOTICE_TEXT },
};

/** The notices' phrases ('<notice>.<phrase>'), per language, next to the dictionaries. */
const NOTICE_PHRASES: Readonly<Record<MessageLanguage, Readonly<Record<string, string>>>> = Object.fromEntries(
  MESSAGE_LANGUAGES.map((language) => [language, noticeDictionary(language)]),
) as Record<MessageLanguage, Readonly<Record<string, string>>>;

/** `strict`: a field missing from the view model throws instead of printing nothing. Text is never escaped. */
const COMPILE_OPTIONS: Readonly<Record<Flavor, CompileOptions>> = {
  html: { strict: true },
  text: { strict: true, noEscape: true },
};

/** Each template and each phrase is compiled once per flavor and kept. */
const templateCache = new Map<string, Template>();

function compiled(env: typeof Handlebars, flavor: Flavor, cacheKey: string, source: string): Template {
  const key = `${flavor}\u0000${cacheKey}`;
  let template = templateCache.get(key);
  if (!template) {
    template = env.compile(source, COMPILE_OPTIONS[flavor]);
    templateCache.set(key, template);
  }
  return template;
}

interface RootView {
  lang: MessageLanguage;
}

function phrase(flavor: Flavor, language: MessageLanguage, key: string): Template {
  const source = (DICTIONARIES[language] as Readonly<Record<string, string>>)[key] ?? NOTICE_PHRASES[language][key];
  if (typeof source !== 'string' || source.trim() === '') {
    throw new Error(`Missing ${language} translation for "${key}"`);
  }
  return compiled(ENVIRONMENTS[flavor], flavor, `phrase:${language}:${key}`, source);
}

/**
 * One isolated Handlebars environment per flavor, with three helpers:
 *   {{t "key"}} / {{t keyVariable}}  a phrase of the message's language, rendered against the root view model
 *   {{label "key"}}                   the phrase followed by the language's label separator (": ", or " : " in French)
 *   {{multiline value}}               HTML: escaped, newlines become <br>; text: unchanged
 *   {{indent value}}                  HTML: as multiline; text: continuation lines indented by two spaces (list items)
 * Phrases are rendered by the same flavor, so their placeholders are escaped in HTML.
 */
function createEnvironment(flavor: Flavor): typeof Handlebars {
  const env = Handlebars.create();
  const wrap = (s: string): string | Handlebars.SafeString => (flavor === 'html' ? new env.SafeString(s) : s);
  const translate = (key: unknown, options: Handlebars.HelperOptions): string => {
    const root = options.data.root as RootView;
    if (typeof key !== 'string') throw new Error(`Translation key must be a string, got ${String(key)}`);
    return phrase(flavor, root.lang, key)(root);
  };
  env.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => wrap(translate(key, options)));
  env.registerHelper('label', (key: unknown, options: Handlebars.HelperOptions) => wrap(translate(key, options) + translate('common.labelSeparator', options)));
  env.registerHelper('multiline', (value: unknown) => {
    const s = value == null ? '' : String(value);
    return flavor === 'html' ? new env.SafeString(env.escapeExpression(s).replace(/\r\n|\r|\n/g, '<br>\n')) : s;
  });
  env.registerHelper('indent', (value: unknown) => {
    const s = value == null ? '' : String(value);
    return flavor === 'html' ? new env.SafeString(env.escapeExpression(s).replace(/\r\n|\r|\n/g, '<br>\n')) : s.replace(/\r\n|\r|\n/g, '\n  ');
  });
  return env;
}

const ENVIRONMENTS: Readonly<Record<Flavor, typeof Handlebars>> = { html: createEnvironment('html'), text: createEnvironment('text') };

// ---------------------------------------------------------------------------------------------
// Input checks: the data usually comes back from an outbox row (jsonb), so it is checked here.

function text(kind: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MessageTemplateException(kind, field, 'must be a non-empty string');
  }
  return value.trim();
}

function optionalText(kind: string, field: string, value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return text(kind, field, value);
}

function instant(kind: string, field: string, value: Instant | undefined): Date {
  const date = value === undefined ? null : toDate(value);
  if (!date) throw new MessageTemplateException(kind, field, 'must be a valid date');
  return date;
}

function zone(kind: string, field: string, value: unknown): string {
  if (!isKnownTimeZone(value)) throw new MessageTemplateException(kind, field, 'must be an IANA time zone');
  return value;
}

/** Only absolute http(s) links go into an href (no javascript:, data:, relative links). */
function httpUrl(kind: string, field: string, value: unknown): string {
  const raw = text(kind, field, value);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MessageTemplateException(kind, field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MessageTemplateException(kind, field, 'must be an absolute http(s) URL');
  }
  return raw;
}

function optionalHttpUrl(kind: string, field: string, value: unknown): string | null {
  return optionalText(kind, field, value) === null ? null : httpUrl(kind, field, value);
}

// ---------------------------------------------------------------------------------------------
// View models: everything a template prints, already formatted; every key present (strict mode).

interface CommonView extends RootView {
  kind: MessageKind;
  subjectKey: string;
  whyKey: string;
  showPreferences: boolean;
  preferencesUrl: string | null;
  councilLabel: string;
  greetingName: string;
  recipientName: string;
  [field: string]: unknown;
}

function common(kind: MessageKind, lang: MessageLanguage, data: RecipientData, councilName: string | null): CommonView & { recipientTimeZone: string } {
  const recipientName = text(kind, 'recipientName', data.recipientName);
  return {
    lang,
    kind,
    subjectKey: `${kind}.subject`,
    whyKey: `${kind}.why`,
    showPreferences: kind !== 'account.password_link',
    preferencesUrl: optionalHttpUrl(kind, 'preferencesUrl', data.preferencesUrl),
    councilLabel: councilName ?? DICTIONARIES[lang]['common.councilFallback'],
    greetingName: recipientName,
    recipientName,
    recipientTimeZone: zone(kind, 'recipientTimeZone', data.recipientTimeZone),
  };
}

function councilReminderView(lang: MessageLanguage, data: CouncilReminderData): CommonView {
  const kind = 'council.reminder';
  const councilName = text(kind, 'councilName', data.councilName);
  const view = common(kind, lang, data, councilName);
  return {
    ...view,
    councilName,
    title: text(kind, 'title', data.title),
    message: text(kind, 'message', data.message),
    sendAt: localDateTime(instant(kind, 'sendAt', data.sendAt), view.recipientTimeZone, lang),
  };
}

function passwordLinkView(lang: MessageLanguage, data: PasswordLinkData): CommonView {
  const kind = 'account.password_link';
  const view = common(kind, lang, data, optionalText(kind, 'councilName', data.councilName));
  const fullName = text(kind, 'fullName', data.fullName);
  return {
    ...view,
    greetingName: fullName,
    fullName,
    url: httpUrl(kind, 'url', data.url),
    expiresAt: localDateTime(instant(kind, 'expiresAt', data.expiresAt), view.recipientTimeZone, lang),
  };
}

function meetingReminderView(lang: MessageLanguage, data: MeetingReminderData): CommonView {
  const kind = 'meeting.reminder';
  const councilName = text(kind, 'councilName', data.councilName);
  const view = common(kind, lang, data, councilName);
  const startsAt = instant(kind, 'startsAt', data.startsAt);
  const endsAt = instant(kind, 'endsAt', data.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) throw new MessageTemplateException(kind, 'endsAt', 'must be after startsAt');
  const meetingTimeZone = zone(kind, 'meetingTimeZone', data.meetingTimeZone);
  if (!Number.isInteger(data.daysBefore) || data.daysBefore < 0) {
    throw new MessageTemplateException(kind, 'daysBefore', 'must be a whole number of days, 0 or more');
  }
  const whenRows =
    meetingTimeZone === view.recipientTimeZone
      ? [{ labelKey: 'common.when', value: localDateTimeRange(startsAt, endsAt, meetingTimeZone, lang) }]
      : [
          { labelKey: 'common.whenYourTime', value: localDateTimeRange(startsAt, endsAt, view.recipientTimeZone, lang) },
          { labelKey: 'common.whenMeetingTime', value: localDateTimeRange(startsAt, endsAt, meetingTimeZone, lang) },
        ];
  return {
    ...view,
    councilName,
    meetingTitle: text(kind, 'meetingTitle', data.meetingTitle),
    relative: relativeDays(data.daysBefore, lang),
    whenRows,
    venue: optionalText(kind, 'venue', data.venue),
    onlineLink: optionalHttpUrl(kind, 'onlineLink', data.onlineLink),
  };
}

/** Item kinds the digest names; the part before the first dot decides ('meeting.rescheduled' → Meeting). */
const DIGEST_ITEM_GROUPS = ['meeting', 'council', 'action_item', 'decision', 'presidency', 'account'] as const;

function digestView(lang: MessageLanguage, data: DailyDigestData): CommonView {
  const kind = 'digest.daily';
  const view = common(kind, lang, data, optionalText(kind, 'councilName', data.councilName));
  if (!Array.isArray(data.items)) throw new MessageTemplateException(kind, 'items', 'must be an array');
  const items = data.items
    .map((item, i) => {
      const group = typeof item?.kind === 'string' ? item.kind.split('.')[0] : '';
      const at = instant(kind, `items[${i}].at`, item?.at);
      return {
        labelKey: `digest.daily.kind.${(DIGEST_ITEM_GROUPS as readonly string[]).includes(group) ? group : 'other'}`,
        title: text(kind, `items[${i}].title`, item?.title),
        summary: text(kind, `items[${i}].summary`, item?.summary),
        time: at.getTime(),
        at: localDateTime(at, view.recipientTimeZone, lang),
      };
    })
    .sort((a, b) => a.time - b.time);
  return {
    ...view,
    dateLabel: localCalendarDate(text(kind, 'date', data.date), lang),
    hasItems: items.length > 0,
    items,
  };
}

/** Names reserved by the shared view: a notice's vars may not replace them. */
const RESERVED_VARS = new Set([
  'lang',
  'kind',
  'subjectKey',
  'whyKey',
  'introKey',
  'showPreferences',
  'preferencesUrl',
  'councilLabel',
  'greetingName',
  'recipientName',
  'recipientTimeZone',
  'body',
  'rows',
  'hasRows',
  'link',
  'subject',
]);

function noticeView(lang: MessageLanguage, data: NoticeData): CommonView {
  const kind = 'notice';
  const notice = text(kind, 'notice', data.notice);
  if (!Object.hasOwn(NOTICES, notice)) throw new MessageTemplateException(kind, 'notice', `unknown notice ${notice}`);
  const councilName = text(kind, 'councilName', data.councilName);
  const view = common(kind, lang, data, councilName);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(data.vars ?? {})) {
    if (RESERVED_VARS.has(name)) throw new MessageTemplateException(kind, `vars.${name}`, 'is a reserved name');
    if (typeof value !== 'string' && typeof value !== 'number') throw new MessageTemplateException(kind, `vars.${name}`, 'must be a string or a number');
    vars[name] = value;
  }
  const phraseKey = (label: string, field: string): string => {
    const key = label.startsWith('common.') ? label : `${notice}.${label}`;
    if (!(key in DICTIONARIES[lang]) && !(key in NOTICE_PHRASES[lang])) throw new MessageTemplateException(kind, field, `unknown phrase ${key}`);
    return key;
  };
  const rows = (Array.isArray(data.rows) ? data.rows : []).map((row, i) => {
    const labelKey = phraseKey(text(kind, `rows[${i}].label`, row?.label), `rows[${i}].label`);
    if (row.at !== undefined && row.at !== null) {
      const at = instant(kind, `rows[${i}].at`, row.at);
      const own = localDateTime(at, view.recipientTimeZone, lang);
      const other = row.zone ? zone(kind, `rows[${i}].zone`, row.zone) : null;
      return { labelKey, value: other && other !== view.recipientTimeZone ? `${own}\n${localDateTime(at, other, lang)}` : own };
    }
    return { labelKey, value: text(kind, `rows[${i}].text`, row.text) };
  });
  const link = data.link
    ? { labelKey: phraseKey(text(kind, 'link.label', data.link.label), 'link.label'), url: httpUrl(kind, 'link.url', data.link.url) }
    : null;
  return {
    ...vars,
    ...view,
    councilName,
    subjectKey: `${notice}.subject`,
    whyKey: `${notice}.why`,
    introKey: `${notice}.intro`,
    body: optionalText(kind, 'body', data.body),
    rows,
    hasRows: rows.length > 0,
    link,
  };
}

function buildView(kind: MessageKind, lang: MessageLanguage, data: MessageDataByKind[MessageKind]): CommonView {
  switch (kind) {
    case 'council.reminder':
      return councilReminderView(lang, data as CouncilReminderData);
    case 'account.password_link':
      return passwordLinkView(lang, data as PasswordLinkData);
    case 'meeting.reminder':
      return meetingReminderView(lang, data as MeetingReminderData);
    case 'digest.daily':
      return digestView(lang, data as DailyDigestData);
    case 'notice':
      return noticeView(lang, data as NoticeData);
  }
}

/** Trailing spaces off, at most one blank line in a row, one final newline. */
function tidyText(s: string): string {
  return (
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/**
 * Renders one message in one language: subject, plain text and HTML (the kind's body inside the
 * shared layout). Instants are shown in `data.recipientTimeZone`; meeting times also in the
 * meeting's zone. Throws MessageTemplateException when the data is unusable (the caller should mark
 * the outbox row failed rather than retry: the same data will fail again).
 */
export function renderMessage<K extends MessageKind>(kind: K, language: MessageLanguage, data: MessageDataByKind[K]): RenderedMessage {
  if (!isMessageKind(kind)) throw new MessageTemplateException(String(kind), 'kind', 'unknown message kind');
  if (!isMessageLanguage(language)) throw new MessageTemplateException(kind, 'language', `unsupported language ${String(language)}`);
  if (data === null || typeof data !== 'object') throw new MessageTemplateException(kind, 'data', 'must be an object');

  const view = buildView(kind, language, data);
  const subject = phrase(
    'text',
    language,
    view.subjectKey,
  )(view)
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim(); // one line; keeps French no-break spaces

  const html = ENVIRONMENTS.html;
  const bodyHtml = compiled(html, 'html', kind, SOURCES[kind].html)(view);
  const pageHtml = compiled(html, 'html', 'layout', SOURCES.layout.html)({ ...view, subject, body: new html.SafeString(bodyHtml) });

  const txt = ENVIRONMENTS.text;
  const bodyText = compiled(txt, 'text', kind, SOURCES[kind].text)(view);
  const pageText = compiled(txt, 'text', 'layout', SOURCES.layout.text)({ ...view, subject, body: tidyText(bodyText).trimEnd() });

  return { subject, text: tidyText(pageText), html: pageHtml };
}
