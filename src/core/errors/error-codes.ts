/**
 * Every `code` the API can answer in its error body, with what it means. DomainException takes only these,
 * and the OpenAPI document lists them (the ErrorCode schema of the error body). A new refusal gets its code
 * here first.
 */
export const ERROR_CODES = {
  // ── the request itself (the exception filter, the validation pipe, the router, the HTTP layer) ──
  BAD_REQUEST: 'The request could not be read (a malformed body or parameter the validation did not name).',
  VALIDATION_FAILED: 'A field breaks a rule; errors[] names each field and rule.',
  UNAUTHENTICATED: 'No valid access token (or a disabled account): sign in.',
  FORBIDDEN: "The caller's role in the council does not allow this (details.permission names the permission, when one is missing).",
  NO_PERMISSION_DECLARED: 'The route declares no permission, so nobody may use it.',
  NOT_FOUND: 'The entity (or route) does not exist in this council, or is not visible to the caller.',
  CONFLICT: 'The request conflicts with the current state (a generic 409 from the HTTP layer).',
  PAYLOAD_TOO_LARGE: 'The body or uploaded file is larger than the limit.',
  URI_TOO_LONG: 'The request URL is too long.',
  UNSUPPORTED_MEDIA_TYPE: 'The content type is not accepted (JSON for bodies; PDF, Office or image files for uploads).',
  RANGE_NOT_SATISFIABLE: 'The Range asked for lies outside the document version.',
  TOO_MANY_REQUESTS: 'The rate limit is reached; retry later.',
  UPLOAD_INTERRUPTED: 'The multipart upload ended early or is malformed.',
  INTERNAL: 'An unexpected error (logged with the request id); nothing was changed.',

  // ── the database's invariants (postgres-errors.ts) and concurrency ──
  DUPLICATE: 'A record with these values already exists (a unique key).',
  OVERLAP: 'The record overlaps an existing one (an exclusion constraint, e.g. two periods).',
  REFERENCE_INVALID: 'A referenced record does not exist, does not fit, or is still referenced.',
  CONCURRENT_CHANGE: 'A concurrent change got in the way (serialization failure or deadlock); retry.',
  STALE_VERSION: 'The version given is no longer current: someone else changed the record; reload and retry.',

  // ── identity and delegations ──
  USER_DISABLED: 'The account is disabled.',
  ROLE_EXISTS: 'The person already has a role in the council.',
  ALREADY_SECRETARIAT: 'The person is already on the secretariat of the council.',
  DELEGATE_SEAT_TAKEN: 'Another account already acts as this delegate.',
  PASSWORD_ALREADY_SET: 'The person has already set a password.',
  LINK_NEEDS_ADMINISTRATOR: 'The account belongs to another council or is an administrator: a system administrator issues its link.',
  CANNOT_DISABLE_SELF: 'An administrator cannot disable their own account.',
  HEAD_OF_DELEGATION_EXISTS: 'The delegation already has a head of delegation.',
  REACTIVATION_NEEDS_SECRETARIAT: 'Only the secretariat reactivates a deactivated delegate.',
  ROTATION_POSITION_TAKEN: 'Another member state already holds this place in the rotation order.',

  // ── meetings, series, agendas, backlog ──
  ILLEGAL_TRANSITION: 'The move is not allowed from the current status (details list the allowed ones).',
  MEETING_NOT_EDITABLE: 'The meeting can no longer be changed in its current status.',
  MEETING_STARTED: 'The meeting has started: this can no longer change.',
  MEETING_NOT_CONVENED: 'The meeting is not convened yet.',
  MEETING_NOT_IN_SESSION: 'The meeting is not in session.',
  MEETING_NOT_HELD: 'Only the items of a meeting in session or held are carried forward.',
  MEETING_OF_OTHER_BODY: 'A backlog item is scheduled on a meeting of its own body only.',
  MINUTES_ROUTE: "A meeting's minutes are circulated and approved through the minutes routes.",
  NOTICE_TOO_SHORT: "The meeting starts sooner than its kind's notice period allows.",
  SESSION_TOO_EARLY: "A meeting's session opens on its day, not earlier.",
  SERIES_ENDED: 'The meeting series has ended.',
  NO_NEXT_MEETING: 'There is no later meeting to carry the items forward to.',
  AGENDA_NOT_DRAFT: 'The agenda is no longer a draft.',
  AGENDA_EMPTY: 'An empty agenda cannot be circulated.',
  AGENDA_ALREADY_CIRCULATED: 'The agenda is already circulated.',
  AGENDA_NOT_CIRCULATED: 'The agenda is not circulated yet.',
  AGENDA_CLOSED: 'The agenda can no longer change.',
  AGENDA_ADOPTED: 'The agenda is adopted: its items take no more documents.',
  SUPPLEMENTARY_DEADLINE_PASSED: 'The deadline for supplementary agenda items has passed.',
  CHAIR_ONLY: 'Only the chair can do this (e.g. accept an item onto the agenda).',
  ITEM_NOT_SCHEDULED: 'The agenda item is not scheduled (withdrawn or carried forward).',
  ITEM_CARRIED_FORWARD: 'The item was carried forward: change the copy on the later agenda.',
  TARGET_NOT_LATER: 'An item is carried forward to a meeting that starts later.',
  AGENDA_ITEM_NOT_SCHEDULED: 'The agenda item a report is attached to is not scheduled.',
  BACKLOG_ITEM_NOT_PROPOSED: 'The backlog item is no longer proposed.',
  PACK_BUILD_FAILED: 'The meeting pack could not be built; it is built again after a pause (503).',
  DOCUMENTS_PUBLISHED: "The meeting's documents are already published.",

  // ── session, decisions, silence procedure ──
  DELEGATION_NOT_PRESENT: 'The delegation is not recorded as present.',
  OBJECTION_MEMBER_STATES_ONLY: 'Only member states object to a decision.',
  QUORUM_NOT_MET: 'The quorum of member states is not present.',
  DECISION_CLOSED: 'The decision is closed: no more objections or positions.',
  DECISION_NOT_ADOPTED: 'Only an adopted decision grounds this.',
  DECISION_ALREADY_USED: 'The decision has already handed the presidency over.',
  BREAK_MEMBER_STATES_ONLY: 'Only member states break silence.',
  MEMBER_STATE_NOT_ACTIVE: 'Only an active member state breaks silence.',
  SILENCE_ALREADY_BROKEN: "The caller's delegation already broke silence on this procedure.",
  SILENCE_CLOSED: 'The silence procedure is closed or past its deadline.',

  // ── minutes ──
  MINUTES_EXIST: 'The meeting already has minutes.',
  MINUTES_ALREADY_CIRCULATED: 'The minutes are already circulated.',
  MINUTES_NOT_CIRCULATED: 'The minutes are not circulated.',
  MINUTES_ALREADY_APPROVED: 'The minutes are already approved.',
  MINUTES_APPROVED: 'The minutes are approved: they cannot change.',
  MINUTES_NOT_APPROVED: "A meeting's documents are published once its minutes are approved.",
  MEETING_NOT_CLOSED: 'The meeting has not closed yet.',
  MEETING_NOT_MINUTES_CIRCULATED: 'Minutes are approved while the meeting is minutes_circulated.',
  COMMENT_PERIOD_OPEN: 'The comment period of the minutes is still open.',
  COMMENT_PERIOD_CLOSED: 'The comment period of the minutes has closed.',

  // ── presidency, succession, handover ──
  NO_PRESIDENCY: 'No presidency term covers the instant.',
  PRESIDENCY_GAP: 'The presidency terms would leave a gap.',
  PRESIDENCY_TERM_STARTED: 'The presidency term has started: it can no longer change.',
  PRESIDENCY_TERM_NOT_LAST: 'Only the last presidency term can be removed.',
  PRESIDENCY_TERM_ENDED: 'The presidency term has ended.',
  HOLDER_NOT_ACTIVE: 'An inactive member state cannot be given a new presidency term.',
  ROTATION_NOT_DESIGNATED: 'The council rotates in a fixed order: successors are not designated.',
  DESIGNATION_TOO_LATE: 'A successor is designated by a decision adopted long enough before the term ends.',
  TERM_ALREADY_SUCCEEDED: 'The presidency term has already been succeeded.',
  TERM_ENDED: 'The presidency term has ended or been succeeded.',
  STALE_TERM: 'The presidency term covering now is not the one given; reload and retry.',
  NO_SUCCESSOR: 'No successor is known: record one before handing over.',
  HANDOVER_BEFORE_TERM: 'The handover must fall within the current term.',
  HANDOVER_BEFORE_DECISION: 'The handover cannot precede the decision that grounds it.',
  HANDOVER_BEFORE_MEETING: 'The handover cannot precede the handover meeting.',
  HANDOVER_IN_FUTURE: 'A handover takes effect now or in the past, never in the future.',
  HANDOVER_IN_PAST: "A handover cannot be dated back more than the clocks' tolerance.",
  MEETING_ALREADY_USED: 'The meeting has already handed the presidency over.',
  MEETING_NOT_DESIGNABLE: 'Only a meeting not held yet can be the handover meeting.',
  MEETING_AFTER_TERM: 'The meeting starts after the term ends.',
  MEETING_CLOSED: 'The handover meeting has closed: its designation stays on record.',
  DOSSIER_NOT_SUBMITTED: 'The handover dossier is not submitted yet.',
  DOSSIER_SUBMITTED: 'The handover dossier is submitted (frozen).',
  DOSSIER_ARCHIVED: 'The handover dossier is archived with its term.',

  // ── action items and reminders ──
  ITEM_CLOSED: 'The action item is verified or cancelled: it cannot change any more.',
  ITEM_NOT_IN_PROGRESS: 'Progress is reported while the item is acknowledged, in progress or blocked.',
  REMINDER_NOT_SCHEDULED: 'Only a scheduled reminder can change.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes, in catalogue order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];
