import { DomainException } from './domain.exception.js';

/**
 * Constraint violations from PostgreSQL, turned into clear 4xx errors. The
 * database holds the invariants; this table says, per constraint, which field
 * broke which rule. Unknown constraints still map to a generic 409/400.
 */
const CONSTRAINTS: Record<string, { field: string; message: string }> = {
  councils_slug_key: { field: 'slug', message: 'a council with this slug already exists' },
  councils_slug_format: { field: 'slug', message: 'slug must be lowercase letters, digits and single hyphens' },
  councils_working_languages_known: { field: 'workingLanguages', message: 'working languages must be a non-empty subset of es, en, fr, pt' },
  councils_term_months_range: { field: 'termMonths', message: 'termMonths must be between 1 and 120' },
  councils_quorum_ratio_range: { field: 'quorumRatio', message: 'quorumRatio must be greater than 0 and at most 1' },
  council_meeting_rules_days_range: { field: 'meetingRules', message: 'days must be between 0 and 730, and the agenda cannot be due before the notice' },
  participants_council_iso_code_key: { field: 'isoCode', message: 'a participant with this ISO code already exists in the council' },
  participants_council_name_key: { field: 'name', message: 'a participant with this name already exists in the council' },
  participants_council_rotation_position_key: { field: 'rotationPosition', message: 'another member state already holds this place in the rotation order' },
  participants_member_state_shape: { field: 'kind', message: 'a member state needs an ISO code and a rotation position, and no category' },
  participants_permanent_participant_shape: {
    field: 'category',
    message: 'a permanent participant needs a permanent-participant category and no ISO code or rotation position',
  },
  participants_observer_shape: { field: 'category', message: 'an observer needs an observer category; only state observers carry an ISO code' },
  delegations_participant_key: { field: 'participantId', message: 'this participant already has a delegation' },
  delegates_one_head_per_delegation: { field: 'role', message: 'the delegation already has a head of delegation' },
  delegates_delegation_email_key: { field: 'email', message: 'a delegate with this email already exists in the delegation' },
  bodies_council_name_key: { field: 'name', message: 'a body with this name already exists in the council' },
  bodies_task_force_has_mandate_end: { field: 'mandateEnd', message: 'a task force needs a mandate end date' },
  bodies_mandate_order: { field: 'mandateEnd', message: 'mandateEnd must be after mandateStart' },
  body_leads_no_overlap: { field: 'period', message: 'this participant already leads the body during an overlapping period' },
  presidency_terms_no_overlap: { field: 'period', message: 'the term overlaps another presidency term of the council' },
  presidency_terms_holder_is_member_state_fkey: { field: 'participantId', message: 'only a member state of this council can hold the presidency' },
  recommendations_council_number_key: { field: 'number', message: 'a recommendation with this number already exists in the council' },
  focus_areas_council_code_key: { field: 'code', message: 'a focus area with this code already exists in the council' },
  bodies_name_not_blank: { field: 'name', message: 'name must not be blank' },
  body_leads_period_bounded_below: { field: 'from', message: 'a lead needs a start date and a non-empty period' },
  focus_areas_code_format: { field: 'code', message: 'code must be 1 to 3 capital letters' },
  recommendations_number_positive: { field: 'number', message: 'number must be a positive integer' },
  recommendations_focus_area_fkey: { field: 'focusAreaId', message: 'the focus area does not exist in this council' },
  councils_name_not_blank: { field: 'name', message: 'name must not be blank' },
  councils_rotation_policy_known: { field: 'rotationPolicy', message: 'rotationPolicy must be fixed_order or designated' },
  council_meeting_rules_kind_known: { field: 'meetingRules', message: 'meeting kind must be ministerial, senior_officials, working_group or extraordinary' },
  participants_kind_known: { field: 'kind', message: 'kind must be member_state, permanent_participant or observer' },
  participants_status_known: { field: 'status', message: 'status must be active, suspended or withdrawn' },
  participants_name_not_blank: { field: 'name', message: 'name must not be blank' },
  participants_iso_code_format: { field: 'isoCode', message: 'isoCode must be two uppercase letters' },
  participants_rotation_position_positive: { field: 'rotationPosition', message: 'rotationPosition must be a positive integer' },
  delegates_role_known: { field: 'role', message: 'role must be head, alternate or adviser' },
  delegates_language_known: { field: 'preferredLanguage', message: 'preferredLanguage must be one of es, en, fr, pt' },
  delegates_full_name_not_blank: { field: 'fullName', message: 'fullName must not be blank' },
  delegates_email_format: { field: 'email', message: 'email must be an email address' },
  delegates_delegation_fkey: { field: 'delegationId', message: 'the delegation does not exist in this council' },
  users_email_key: { field: 'email', message: 'an account with this email already exists' },
  users_email_lowercase: { field: 'email', message: 'email must be a lower-case address' },
  users_full_name_not_blank: { field: 'fullName', message: 'fullName must not be blank' },
  council_roles_user_council_key: { field: 'userId', message: 'this person already has a role in the council' },
  council_roles_delegate_key: { field: 'delegateId', message: 'this delegate seat is already linked to an account' },
  council_roles_delegate_shape: { field: 'delegateId', message: 'a delegate role needs a delegate seat, and only a delegate role has one' },
  council_roles_delegate_fkey: { field: 'delegateId', message: 'the delegate seat does not belong to this council' },
  presidency_terms_millisecond_bounds: { field: 'period', message: 'term bounds are instants to the millisecond' },
  meetings_ends_after_starts: { field: 'endsAt', message: 'endsAt must be after startsAt' },
  meetings_title_not_blank: { field: 'title', message: 'title must not be blank' },
  meetings_kind_known: { field: 'kind', message: 'kind must be ministerial, senior_officials, working_group or extraordinary' },
  meetings_status_known: { field: 'status', message: 'status is not a meeting status' },
  meetings_online_url_format: { field: 'onlineUrl', message: 'onlineUrl must be an http(s) link' },
  meetings_consent_shape: { field: 'consent', message: 'consent to short notice is recorded only for an extraordinary meeting, with a note' },
  meetings_body_fkey: { field: 'bodyId', message: 'the body does not exist in this council' },
  meetings_host_is_member_state_fkey: { field: 'hostParticipantId', message: 'only a member state of this council can host a meeting' },
  agenda_items_meeting_position_key: { field: 'position', message: 'another item of the agenda already holds this position' },
  agenda_items_title_shape: { field: 'title', message: 'title needs a text in at least one working language' },
  agenda_items_purpose_known: { field: 'purpose', message: 'purpose must be decision, discussion, information or aob' },
  agenda_items_minutes_allotted_positive: { field: 'minutesAllotted', message: 'minutesAllotted must be a positive number of minutes' },
  agenda_items_documents_shape: { field: 'documents', message: 'documents must be a list' },
  agenda_items_status_known: { field: 'status', message: 'status must be scheduled, withdrawn or carried_forward' },
  agenda_items_presenter_fkey: { field: 'presenterParticipantId', message: 'the presenter is not a participant of this council' },
  agenda_items_carried_from_key: { field: 'itemId', message: 'this item has already been carried forward' },
  meeting_agendas_status_known: { field: 'status', message: 'the agenda status must be draft, circulated or adopted' },
  meeting_attendance_represented_by_known: { field: 'representedBy', message: 'representedBy must be head, alternate or adviser' },
  meeting_attendance_absent_unrepresented: { field: 'representedBy', message: 'an absent delegation is represented by nobody (representedBy: null)' },
  meeting_attendance_delegation_fkey: { field: 'delegationId', message: 'the delegation does not exist in this council' },
  decisions_text_shape: { field: 'text', message: 'text needs a text in at least one working language' },
  decisions_closed_is_final: { field: 'decisionId', message: 'the decision is closed: it cannot change' },
  decisions_adopted_with_quorum: { field: 'outcome', message: 'a decision is adopted only when the quorum of member states is present' },
  decision_objections_standing_key: { field: 'decisionId', message: 'your delegation already objects to this decision' },
  decision_objections_reason_not_blank: { field: 'reason', message: 'reason must not be blank' },
  decision_positions_position_known: { field: 'position', message: 'position must be support, concern or neutral' },
  // ── meeting series and backlog ──
  meetings_series_occurrence_key: { field: 'occurrenceDate', message: 'the series already has a meeting on this date' },
  meeting_series_body_fkey: { field: 'bodyId', message: 'the body does not exist in this council' },
  meeting_series_title_not_blank: { field: 'title', message: 'title must not be blank' },
  meeting_series_duration_range: { field: 'durationMinutes', message: 'durationMinutes must be between 1 and 1440' },
  meeting_series_online_url_format: { field: 'onlineUrl', message: 'onlineUrl must be an http(s) link' },
  meeting_series_week_of_month_shape: { field: 'recurrence.weekOfMonth', message: 'weekOfMonth (1–4 or -1) is given for monthly rules only' },
  meeting_series_end_shape: { field: 'untilDate', message: 'give exactly one of untilDate and count' },
  meeting_series_until_after_first: { field: 'untilDate', message: 'untilDate must not be before firstDate' },
  meeting_series_count_range: { field: 'count', message: 'count must be between 1 and 60' },
  backlog_items_title_shape: { field: 'title', message: 'title needs a text in at least one working language' },
  backlog_items_purpose_known: { field: 'purpose', message: 'purpose must be decision, discussion, information or aob' },
  backlog_items_description_not_blank: { field: 'description', message: 'description must not be blank' },
  backlog_items_agenda_item_key: { field: 'itemId', message: 'this agenda item already comes from another backlog item' },
  backlog_items_body_fkey: { field: 'bodyId', message: 'the body does not exist in this council' },
  minutes_meeting_key: { field: 'meetingId', message: 'the meeting already has minutes' },
  minutes_approved_is_final: { field: 'meetingId', message: 'the minutes are approved: they cannot change' },
  minutes_deadline_after_circulation: { field: 'commentDeadline', message: 'commentDeadline must be after the minutes are circulated' },
  minutes_comments_text_not_blank: { field: 'text', message: 'text must not be blank' },
  minutes_comments_text_length: { field: 'text', message: 'text must be at most 4000 characters' },
  minutes_comments_agenda_item_fkey: { field: 'agendaItemId', message: 'the agenda item does not exist' },
  // action-item reminders and escalation
  council_action_item_rules_ack_days_range: { field: 'ackDays', message: 'ackDays must be between 1 and 365 days' },
  council_action_item_rules_due_soon_days_range: { field: 'dueSoonDays', message: 'dueSoonDays has at most 5 reminders, each between 1 and 365 days' },
  council_action_item_rules_escalation_order: {
    field: 'escalateDays',
    message: 'overdueDays, escalateDays and agendaDays must follow each other (e.g. 1, 14, 30), at most 365 days',
  },
  action_item_overdue_agenda_items_agenda_item_key: {
    field: 'agendaItemId',
    message: 'this agenda item already lists overdue action items of another meeting',
  },
  action_item_agenda_placements_pkey: { field: 'actionItemId', message: 'the action item is already on this meeting’s agenda' },
  // ── presidency succession and transfer ──
  presidency_designations_term_key: { field: 'forTermAfter', message: 'a successor has already been designated for this term' },
  presidency_waivers_participant_decision_key: { field: 'decisionId', message: 'this waiver has already been recorded' },
  presidency_transfers_from_term_key: { field: 'termId', message: 'this term has already been succeeded' },
  presidency_waivers_participant_fkey: { field: 'participantId', message: 'only a member state of this council can waive the presidency' },
  presidency_designations_participant_fkey: { field: 'participantId', message: 'only a member state of this council can be designated' },
  presidency_handover_meetings_pkey: { field: 'termId', message: 'this term already has a handover meeting: undesignate it first' },
  presidency_handover_meetings_meeting_key: { field: 'meetingId', message: 'this meeting is already the handover meeting of another term' },
  // ── presidency edges ──
  presidency_transfers_decision_key: { field: 'decisionId', message: 'this decision has already handed the presidency over: a decision hands it over once' },
  presidency_transfers_meeting_key: { field: 'meetingId', message: 'this meeting has already handed the presidency over: a meeting hands it over once' },
  // ── stored time zones: the triggers of migration 1763901900000 ──
  councils_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  participants_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  delegates_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  users_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  meetings_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  meeting_series_time_zone_known: { field: 'timeZone', message: 'timeZone must be a time zone the database knows' },
  presidency_terms_no_gap: {
    field: 'period',
    message: 'presidency terms must follow each other without gaps: every instant from the first term on has exactly one holder',
  },
};

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  message?: string;
}

export function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code!);
}

/** A driver error wrapped by TypeORM keeps the PostgreSQL fields on `driverError`. */
export function pgErrorOf(err: unknown): PgError | undefined {
  if (isPgError(err)) return err;
  const driverError = (err as { driverError?: unknown } | null)?.driverError;
  return isPgError(driverError) ? driverError : undefined;
}

export function domainExceptionFromPg(err: unknown): DomainException | undefined {
  const pg = pgErrorOf(err);
  if (!pg) return undefined;
  const known = pg.constraint ? CONSTRAINTS[pg.constraint] : undefined;
  const problems = known ? [{ field: known.field, rule: pg.constraint!, message: known.message }] : [];
  const message = known?.message;
  // The deferred no-gap trigger (a check_violation raised at commit) is the conflict the services name PRESIDENCY_GAP.
  if (pg.constraint === 'presidency_terms_no_gap') return new DomainException('PRESIDENCY_GAP', 409, message!, problems);
  switch (pg.code) {
    case '23505': // unique_violation
      return new DomainException('DUPLICATE', 409, message ?? 'a record with these values already exists', problems);
    case '23P01': // exclusion_violation
      return new DomainException('OVERLAP', 409, message ?? 'the record overlaps an existing one', problems);
    case '23503': // foreign_key_violation
      return new DomainException(
        'REFERENCE_INVALID',
        pg.message?.includes('still referenced') ? 409 : 400,
        message ?? 'a referenced record does not exist or does not fit',
        problems,
      );
    case '23514': // check_violation
      return new DomainException('VALIDATION_FAILED', 400, message ?? 'a value breaks a rule of the record', problems);
    case '23502': // not_null_violation
      return new DomainException('VALIDATION_FAILED', 400, `${pg.column ?? 'a field'} is required`, [
        { field: pg.column ?? 'unknown', rule: 'required', message: `${pg.column ?? 'a field'} is required` },
      ]);
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new DomainException('CONCURRENT_CHANGE', 409, 'a concurrent change got in the way; retry');
    default:
      // Class 22, data_exception (22P02 invalid_text_representation, 22007/22008 datetime, 22003 numeric out of
      // range, 22001 string too long, 22021/22P05 characters, 22023, 22019, 22025, 2201B, 2200H…): the value
      // sent cannot be stored. The request validation refuses these first; whatever still reaches the database
      // is the caller's input, so a 400, never a 500.
      // (22012 division_by_zero is a bug of ours, not bad input: it stays a 500.)
      return pg.code?.startsWith('22') && pg.code !== '22012' ? dataException(pg) : undefined;
  }
}

const DATA_ERRORS: Record<string, { rule: string; message: string }> = {
  '22001': { rule: 'max_length', message: 'is too long' },
  '22003': { rule: 'range', message: 'is out of range' },
  '22007': { rule: 'valid_date', message: 'is not a valid date or time' },
  '22008': { rule: 'valid_date', message: 'is not a valid date or time' },
  '22021': { rule: 'text_characters', message: 'contains characters that cannot be stored' },
  '22P05': { rule: 'text_characters', message: 'contains characters that cannot be stored' },
};

/** A data error as a 400: it names the column when PostgreSQL gives one, and says only what kind of value broke. */
function dataException(pg: PgError): DomainException {
  const known = DATA_ERRORS[pg.code!] ?? { rule: 'format', message: 'has the wrong format or is out of range' };
  const field = pg.column;
  const message = `${field ?? 'a value'} ${known.message}`;
  return new DomainException('VALIDATION_FAILED', 400, message, field ? [{ field, rule: known.rule, message }] : []);
}
