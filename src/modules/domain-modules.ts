import { BodiesModule } from './bodies/bodies.module.js';
import { CouncilsModule } from './councils/councils.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { AgendaModule } from './meetings/agenda/agenda.module.js';
import { CalendarModule } from './meetings/calendar/calendar.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { SessionModule } from './meetings/session/session.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { PresidencyModule } from './presidency/presidency.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';

/** The council's domain, served by the API. */
export const domainModules = [CouncilsModule, ParticipantsModule, DelegationsModule, BodiesModule, PresidencyModule, RecommendationsModule, IdentityModule, NotificationsModule, MeetingsModule, AgendaModule, SessionModule, CalendarModule];
