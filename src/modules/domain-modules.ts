import { BodiesModule } from './bodies/bodies.module.js';
import { CouncilsModule } from './councils/councils.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { AgendaModule } from './meetings/agenda/agenda.module.js';
import { BacklogModule } from './meetings/backlog/backlog.module.js';
import { SeriesModule } from './meetings/series/series.module.js';
import { CalendarModule } from './meetings/calendar/calendar.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MinutesModule } from './meetings/minutes/minutes.module.js';
import { SessionModule } from './meetings/session/session.module.js';
import { SilenceModule } from './meetings/silence/silence.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { PresidencyModule } from './presidency/presidency.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';
import { ActionItemsModule } from './action-items/action-items.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { SuccessionModule } from './presidency/succession/succession.module.js';
import { TransferModule } from './presidency/transfer/transfer.module.js';
import { HandoverDossierModule } from './presidency/dossier/dossier.module.js';
import { HandoverTimelineModule } from './presidency/timeline/handover-timeline.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { MeetingPackModule } from './meetings/pack/meeting-pack.module.js';

/** The council's domain, served by the API. */
export const domainModules = [
  CouncilsModule,
  ParticipantsModule,
  DelegationsModule,
  BodiesModule,
  PresidencyModule,
  RecommendationsModule,
  IdentityModule,
  NotificationsModule,
  MeetingsModule,
  AgendaModule,
  SessionModule,
  SilenceModule,
  CalendarModule,
  MinutesModule,
  ActionItemsModule,
  ProgressModule,
  SeriesModule,
  BacklogModule,
  SuccessionModule,
  TransferModule,
  HandoverTimelineModule,
  HandoverDossierModule,
  DocumentsModule,
  MeetingPackModule,
];
