import { InitialSchema1763900000000 } from './1763900000000-initial-schema.js';
import { IdentityAndAccess1763900100000 } from './1763900100000-identity-and-access.js';
import { Notifications1763900200000 } from './1763900200000-notifications.js';
import { Meetings1763900300000 } from './1763900300000-meetings.js';
import { Agenda1763900400000 } from './1763900400000-agenda.js';
import { Session1763900500000 } from './1763900500000-session.js';
import { CalendarFeeds1763900600000 } from './1763900600000-calendar-feeds.js';

/** Every migration, oldest first. `npm run migration:generate` prints the line to add here. */
export const migrations = [InitialSchema1763900000000, IdentityAndAccess1763900100000, Notifications1763900200000, Meetings1763900300000, Agenda1763900400000, Session1763900500000, CalendarFeeds1763900600000];
