import { InitialSchema1763900000000 } from './1763900000000-initial-schema.js';
import { IdentityAndAccess1763900100000 } from './1763900100000-identity-and-access.js';
import { Notifications1763900200000 } from './1763900200000-notifications.js';
import { Meetings1763900300000 } from './1763900300000-meetings.js';
import { Agenda1763900400000 } from './1763900400000-agenda.js';
import { Session1763900500000 } from './1763900500000-session.js';
import { CalendarFeeds1763900600000 } from './1763900600000-calendar-feeds.js';
import { Minutes1763900700000 } from './1763900700000-minutes.js';
import { SilenceProcedure1763900800000 } from './1763900800000-silence-procedure.js';
import { SeriesAndBacklog1763900900000 } from './1763900900000-series-and-backlog.js';
import { ActionItems1763901000000 } from './1763901000000-action-items.js';
import { ProgressReports1763901200000 } from './1763901200000-progress-reports.js';
import { ActionItemReminders1763901100000 } from './1763901100000-action-item-reminders.js';
import { PresidencySuccession1763901300000 } from './1763901300000-presidency-succession.js';
import { HandoverDossier1763901400000 } from './1763901400000-handover-dossier.js';
import { PresidencyEdges1763901500000 } from './1763901500000-presidency-edges.js';
import { SessionInstants1763901600000 } from './1763901600000-session-instants.js';
import { OutboxBySubject1763901700000 } from './1763901700000-outbox-by-subject.js';
import { TimeZonesKnown1763901900000 } from './1763901900000-time-zones-known.js';
import { MeetingPapers1763902200000 } from './1763902200000-meeting-papers.js';
import { MeetingPacks1763902400000 } from './1763902400000-meeting-packs.js';
import { OutboxRequestId1763902500000 } from './1763902500000-outbox-request-id.js';

/** Every migration, oldest first. `npm run migration:generate` prints the line to add here. */
export const migrations = [
  InitialSchema1763900000000,
  IdentityAndAccess1763900100000,
  Notifications1763900200000,
  Meetings1763900300000,
  Agenda1763900400000,
  Session1763900500000,
  CalendarFeeds1763900600000,
  Minutes1763900700000,
  SilenceProcedure1763900800000,
  SeriesAndBacklog1763900900000,
  ActionItems1763901000000,
  ActionItemReminders1763901100000,
  ProgressReports1763901200000,
  PresidencySuccession1763901300000,
  HandoverDossier1763901400000,
  PresidencyEdges1763901500000,
  SessionInstants1763901600000,
  OutboxBySubject1763901700000,
  TimeZonesKnown1763901900000,
  MeetingPapers1763902200000,
  MeetingPacks1763902400000,
  OutboxRequestId1763902500000,
];
