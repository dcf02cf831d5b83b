import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { Shell } from './Shell';
import { SignedIn } from './SignedIn';
import { NotFound } from './NotFound';

/**
 * The console's routes (code-based, TanStack Router), under /app/. Every page is its own chunk
 * (lazyRouteComponent): the initial load carries only the shell. To add a page: a component in
 * pages/<area>/, a route below under `signedIn` (sign-in required) or `publicPages` (open to anyone),
 * added to `routeTree`; links to it are typed from here (`<Link to="/…">`).
 */
const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFound });

/** Pages that need a signed-in person: the sign-in form stands in for them until then. */
const signedIn = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', component: SignedIn });
/** Pages open to anyone without sign-in (the presidency calendar, adopted decisions, approved minutes). */
export const publicPages = createRoute({
  getParentRoute: () => rootRoute,
  path: 'public',
  // ?council=<id>: which council's public pages (default: the signed-in person's, else the first one).
  validateSearch: (search: Record<string, unknown>): { council?: string } => ({
    council: typeof search.council === 'string' && /^[0-9a-f-]{36}$/i.test(search.council) ? search.council : undefined,
  }),
  component: lazyRouteComponent(() => import('../pages/public/PublicLayout'), 'PublicLayout'),
});

const publicIndex = createRoute({
  getParentRoute: () => publicPages,
  path: '/',
  beforeLoad: ({ search }) => {
    throw redirect({ to: '/public/presidency', search });
  },
});

const publicPresidency = createRoute({
  getParentRoute: () => publicPages,
  path: 'presidency',
  component: lazyRouteComponent(() => import('../pages/public/PublicPresidencyPage'), 'PublicPresidencyPage'),
});

const publicDecisions = createRoute({
  getParentRoute: () => publicPages,
  path: 'decisions',
  component: lazyRouteComponent(() => import('../pages/public/PublicDecisionsPage'), 'PublicDecisionsPage'),
});

const publicMinutes = createRoute({
  getParentRoute: () => publicPages,
  path: 'minutes',
  component: lazyRouteComponent(() => import('../pages/public/PublicMinutesPage'), 'PublicMinutesPage'),
});

const publicMinutesOne = createRoute({
  getParentRoute: () => publicPages,
  path: 'minutes/$meetingId',
  component: lazyRouteComponent(() => import('../pages/public/PublicMinutesPage'), 'PublicMinutesDetailPage'),
});

// A delegate's own action items; the secretariat (no delegation seat, no items of their own) the meetings.
const home = createRoute({
  getParentRoute: () => signedIn,
  path: '/',
  component: lazyRouteComponent(() => import('../pages/admin/HomePage'), 'HomePage'),
});

const people = createRoute({
  getParentRoute: () => signedIn,
  path: 'people',
  component: lazyRouteComponent(() => import('../pages/admin/PeoplePage'), 'PeoplePage'),
});

const reminders = createRoute({
  getParentRoute: () => signedIn,
  path: 'reminders',
  component: lazyRouteComponent(() => import('../pages/admin/RemindersPage'), 'RemindersPage'),
});

const audit = createRoute({
  getParentRoute: () => signedIn,
  path: 'audit',
  component: lazyRouteComponent(() => import('../pages/admin/AuditPage'), 'AuditPage'),
});

export interface ItemFilters {
  status?: string;
  overdue?: boolean;
  source?: string;
}

const text = (v: unknown) => (typeof v === 'string' && /^[a-z_]{1,30}$/.test(v) ? v : undefined);

const myItems = createRoute({
  getParentRoute: () => signedIn,
  path: 'items',
  validateSearch: (search: Record<string, unknown>): ItemFilters => ({
    status: text(search.status),
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
    source: text(search.source),
  }),
  component: lazyRouteComponent(() => import('../pages/my-items/MyItemsPage'), 'MyItemsPage'),
});

const item = createRoute({
  getParentRoute: () => signedIn,
  path: 'items/$itemId',
  component: lazyRouteComponent(() => import('../pages/my-items/ItemPage'), 'ItemPage'),
});

const progress = createRoute({
  getParentRoute: () => signedIn,
  path: 'progress',
  component: lazyRouteComponent(() => import('../pages/progress/ProgressPage'), 'ProgressPage'),
});

const notifications = createRoute({
  getParentRoute: () => signedIn,
  path: 'notifications',
  component: lazyRouteComponent(() => import('../pages/notifications/NotificationsPage'), 'NotificationsPage'),
});

export interface MeetingFilters {
  bodyId?: string;
  kind?: string;
  status?: string;
}

const meetings = createRoute({
  getParentRoute: () => signedIn,
  path: 'meetings',
  validateSearch: (search: Record<string, unknown>): MeetingFilters => ({
    bodyId: typeof search.bodyId === 'string' && /^[0-9a-f-]{36}$/i.test(search.bodyId) ? search.bodyId : undefined,
    kind: text(search.kind),
    status: text(search.status),
  }),
  component: lazyRouteComponent(() => import('../pages/meetings/MeetingsPage'), 'MeetingsPage'),
});

const meeting = createRoute({
  getParentRoute: () => signedIn,
  path: 'meetings/$meetingId',
  component: lazyRouteComponent(() => import('../pages/meetings/MeetingPage'), 'MeetingPage'),
});

const planMeeting = createRoute({
  getParentRoute: () => signedIn,
  path: 'meetings/new',
  component: lazyRouteComponent(() => import('../pages/meetings/planning/PlanMeetingPage'), 'PlanMeetingPage'),
});

const meetingsCalendar = createRoute({
  getParentRoute: () => signedIn,
  path: 'meetings/calendar',
  // ?month=YYYY-MM: the month shown (default: this month in the person's zone).
  validateSearch: (search: Record<string, unknown>): { month?: string } => ({
    month: typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month) ? search.month : undefined,
  }),
  component: lazyRouteComponent(() => import('../pages/meetings/calendar/MeetingsCalendarPage'), 'MeetingsCalendarPage'),
});

const seriesList = createRoute({
  getParentRoute: () => signedIn,
  path: 'series',
  component: lazyRouteComponent(() => import('../pages/series/SeriesPage'), 'SeriesListPage'),
});

const newSeries = createRoute({
  getParentRoute: () => signedIn,
  path: 'series/new',
  component: lazyRouteComponent(() => import('../pages/series/NewSeriesPage'), 'NewSeriesPage'),
});

const series = createRoute({
  getParentRoute: () => signedIn,
  path: 'series/$seriesId',
  component: lazyRouteComponent(() => import('../pages/series/SeriesPage'), 'SeriesPage'),
});

const presidency = createRoute({
  getParentRoute: () => signedIn,
  path: 'presidency',
  component: lazyRouteComponent(() => import('../pages/presidency/PresidencyPage'), 'PresidencyPage'),
});

const silence = createRoute({
  getParentRoute: () => signedIn,
  path: 'silence',
  component: lazyRouteComponent(() => import('../pages/silence/SilencePage'), 'SilencePage'),
});

const silenceOne = createRoute({
  getParentRoute: () => signedIn,
  path: 'silence/$decisionId',
  component: lazyRouteComponent(() => import('../pages/silence/SilenceDetailPage'), 'SilenceDetailPage'),
});

const routeTree = rootRoute.addChildren([
  signedIn.addChildren([
    home,
    myItems,
    item,
    progress,
    notifications,
    meetings,
    meeting,
    planMeeting,
    meetingsCalendar,
    seriesList,
    newSeries,
    series,
    presidency,
    silence,
    silenceOne,
    people,
    reminders,
    audit,
  ]),
  publicPages.addChildren([publicIndex, publicPresidency, publicDecisions, publicMinutes, publicMinutesOne]),
]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
