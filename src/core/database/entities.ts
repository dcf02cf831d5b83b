import { CouncilRole } from '../../modules/identity/entities/council-role.entity.js';
import { PasswordSetupToken } from '../../modules/identity/entities/password-setup-token.entity.js';
import { RefreshToken } from '../../modules/identity/entities/refresh-token.entity.js';
import { User } from '../../modules/identity/entities/user.entity.js';
import { AuditEntry } from '../../modules/audit/entities/audit-entry.entity.js';
import { BodyLead } from '../../modules/bodies/entities/body-lead.entity.js';
import { Body } from '../../modules/bodies/entities/body.entity.js';
import { CouncilMeetingRule } from '../../modules/councils/entities/council-meeting-rule.entity.js';
import { Council } from '../../modules/councils/entities/council.entity.js';
import { Delegate } from '../../modules/delegations/entities/delegate.entity.js';
import { Delegation } from '../../modules/delegations/entities/delegation.entity.js';
import { AgendaItem } from '../../modules/meetings/agenda/entities/agenda-item.entity.js';
import { MeetingAgenda } from '../../modules/meetings/agenda/entities/meeting-agenda.entity.js';
import { Meeting } from '../../modules/meetings/entities/meeting.entity.js';
import { DecisionObjection } from '../../modules/meetings/session/entities/decision-objection.entity.js';
import { DecisionPosition } from '../../modules/meetings/session/entities/decision-position.entity.js';
import { Decision } from '../../modules/meetings/session/entities/decision.entity.js';
import { MeetingAttendance } from '../../modules/meetings/session/entities/meeting-attendance.entity.js';
import { CalendarFeed } from '../../modules/meetings/calendar/entities/calendar-feed.entity.js';
import { Participant } from '../../modules/participants/entities/participant.entity.js';
import { PresidencyTerm } from '../../modules/presidency/entities/presidency-term.entity.js';
import { FocusArea } from '../../modules/recommendations/entities/focus-area.entity.js';
import { Recommendation } from '../../modules/recommendations/entities/recommendation.entity.js';

/** Every entity, listed explicitly (no globs: they behave differently in ESM, Jest and dist). */
export const entities = [
  AgendaItem,
  AuditEntry,
  Body,
  BodyLead,
  CalendarFeed,
  Council,
  CouncilMeetingRule,
  CouncilRole,
  Decision,
  DecisionObjection,
  DecisionPosition,
  Delegate,
  Delegation,
  FocusArea,
  Meeting,
  MeetingAgenda,
  MeetingAttendance,
  Participant,
  PasswordSetupToken,
  PresidencyTerm,
  Recommendation,
  RefreshToken,
  User,
];
