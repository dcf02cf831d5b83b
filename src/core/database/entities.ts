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
import { BacklogItem } from '../../modules/meetings/backlog/entities/backlog-item.entity.js';
import { MeetingSeries } from '../../modules/meetings/series/entities/meeting-series.entity.js';
import { MinutesComment } from '../../modules/meetings/minutes/entities/minutes-comment.entity.js';
import { Minutes } from '../../modules/meetings/minutes/entities/minutes.entity.js';
import { Participant } from '../../modules/participants/entities/participant.entity.js';
import { PresidencyTerm } from '../../modules/presidency/entities/presidency-term.entity.js';
import { FocusArea } from '../../modules/recommendations/entities/focus-area.entity.js';
import { Recommendation } from '../../modules/recommendations/entities/recommendation.entity.js';
import { ActionItem } from '../../modules/action-items/entities/action-item.entity.js';
import { ActionItemUpdate } from '../../modules/action-items/entities/action-item-update.entity.js';
import { ActionItemCarryOver } from '../../modules/progress/entities/action-item-carry-over.entity.js';
import { ProgressReport } from '../../modules/progress/entities/progress-report.entity.js';
import { ActionItemAgendaPlacement } from '../../modules/action-items/reminders/entities/action-item-agenda-placement.entity.js';
import { ActionItemOverdueAgendaItem } from '../../modules/action-items/reminders/entities/action-item-overdue-agenda-item.entity.js';
import { CouncilActionItemRules } from '../../modules/action-items/reminders/entities/council-action-item-rules.entity.js';
import { CouncilHandoverSettings } from '../../modules/presidency/dossier/entities/council-handover-settings.entity.js';
import { HandoverAcknowledgement } from '../../modules/presidency/dossier/entities/handover-acknowledgement.entity.js';
import { HandoverDossier } from '../../modules/presidency/dossier/entities/handover-dossier.entity.js';
import { PresidencyPriority } from '../../modules/presidency/dossier/entities/presidency-priority.entity.js';
import { CouncilPresidencyRules } from '../../modules/presidency/succession/entities/council-presidency-rules.entity.js';
import { PresidencyDesignation } from '../../modules/presidency/succession/entities/presidency-designation.entity.js';
import { PresidencySuccessionAlert } from '../../modules/presidency/succession/entities/presidency-succession-alert.entity.js';
import { PresidencyWaiver } from '../../modules/presidency/succession/entities/presidency-waiver.entity.js';
import { PresidencyTransfer } from '../../modules/presidency/transfer/entities/presidency-transfer.entity.js';
import { PresidencyHandoverMeeting } from '../../modules/presidency/transfer/entities/presidency-handover-meeting.entity.js';
import { DocumentBlobChunk } from '../../modules/documents/entities/document-blob-chunk.entity.js';
import { DocumentBlob } from '../../modules/documents/entities/document-blob.entity.js';
import { DocumentVersion } from '../../modules/documents/entities/document-version.entity.js';
import { Document } from '../../modules/documents/entities/document.entity.js';
import { MeetingDocumentPublication } from '../../modules/documents/entities/meeting-document-publication.entity.js';
import { MeetingPack } from '../../modules/meetings/pack/entities/meeting-pack.entity.js';

/** Every entity, listed explicitly (no globs: they behave differently in ESM, Jest and dist). */
export const entities = [
  ActionItem,
  ActionItemUpdate,
  ActionItemCarryOver,
  ProgressReport,
  ActionItemAgendaPlacement,
  ActionItemOverdueAgendaItem,
  AgendaItem,
  AuditEntry,
  BacklogItem,
  Body,
  BodyLead,
  CalendarFeed,
  Council,
  CouncilActionItemRules,
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
  MeetingSeries,
  Minutes,
  MinutesComment,
  Participant,
  PasswordSetupToken,
  PresidencyTerm,
  Recommendation,
  RefreshToken,
  User,
  CouncilHandoverSettings,
  HandoverDossier,
  HandoverAcknowledgement,
  PresidencyPriority,
  CouncilPresidencyRules,
  PresidencyWaiver,
  PresidencyDesignation,
  PresidencyTransfer,
  PresidencySuccessionAlert,
  PresidencyHandoverMeeting,
  Document,
  DocumentVersion,
  DocumentBlob,
  DocumentBlobChunk,
  MeetingDocumentPublication,
  MeetingPack,
];
