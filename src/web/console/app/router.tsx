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

const home = createRoute({
  getParentRoute: () => signedIn,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/items' });
  },
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

const presidency = createRoute({
  getParentRoute: () => signedIn,
  path: 'presidency',
  component: lazyRouteComponent(() => import('../pages/presidency/PresidencyPage'), 'PresidencyPage'),
});

const routeTree = rootRoute.addChildren([
  signedIn.addChildren([home, myItems, item, progress, notifications, meetings, meeting, presidency]),
  publicPages.addChildren([publicIndex, publicPresidency, publicDecisions, publicMinutes, publicMinutesOne]),
]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
