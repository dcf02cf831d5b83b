/**
 * Who may do what: every permission, every role, and the scope each role holds
 * a permission with — in this one file. Every route declares the one
 * permission it needs (@RequirePermission); a test fails for a route without.
 *
 * Roles are computed per request and per council (the one in the route):
 * - anonymous: everyone, signed in or not;
 * - delegate / observer_delegate: an active delegate seat in this council
 *   (observer_delegate when the delegation is an observer's);
 * - chair: a delegate of the member state whose presidency term covers now —
 *   never stored, so it moves by itself at the end of a term;
 * - secretariat: secretariat staff of this council;
 * - admin: the system administrator.
 *
 * Scope: 'council' = anything in the council; 'own' = only what the caller's
 * own delegation owns (queries are scoped to that delegation).
 */
export const PERMISSIONS = [
  'health.read',
  'session.use', // sign in, refresh, sign out, set a password with a one-time link
  'profile.read',
  'profile.update', // your own language and time zone (the web console)
  'council.read',
  'council.create',
  'council.update',
  'participant.read',
  'participant.manage',
  'delegation.read',
  'delegation.update',
  'delegate.manage',
  'body.read',
  'body.manage',
  'recommendation.read',
  'recommendation.manage',
  'presidency.read',
  'presidency.manage',
  'audit.read',
  'user.manage',
  'user.administer',
  'reminder.manage',
  'notification.read',
  'decision.propose',
  'decision.object',
  'meeting.read',
  'meeting.manage',
  'agenda.manage', // build, reorder, circulate and adopt a meeting's agenda
  'agenda.propose', // add an item to an agenda (the chair too: it alone accepts items after the supplementary deadline)
  'calendar.subscribe', // create, list and revoke your own calendar feeds (the service checks your role in the feed's council)
  'calendar.feed', // read a calendar feed by its secret URL token (calendar clients send no bearer token)
  'attendance.manage', // record which delegations attend a meeting in session
  'decision.close', // close a proposed decision with its outcome (the chair conducts, the secretariat records)
  'decision.consult', // state a consultation position (support, concern, neutral) on a proposed decision; never blocks
  'decision.read', // the council's adopted decisions, published
  // ── action items ──
  'action_item.read', // the council's action items, lists and counts (every council member; the administrator)
  'action_item.create', // create action items, also from an adopted decision (the secretariat, the chair)
  'action_item.update', // edit an item's title, description, priority and target (the secretariat, the chair)
  'action_item.transition', // the route that moves an item: the service then needs progress, verify or cancel for the move asked
  'action_item.progress', // own: the owner's delegates (a body's: its leads' delegates) move the item forward and report progress
  'action_item.verify', // verify a done item or return it to work: the secretariat; own: a body lead's delegates for the body's items
  'action_item.reassign', // change owner or due date, with a reason (the chair, the secretariat)
  'action_item.cancel', // cancel an item, possibly citing an adopted decision (the secretariat)
  // ── minutes ──
  'minutes.comment', // comment on circulated minutes for your delegation (any delegation: member states, permanent participants, observers)
  'minutes.public', // approved minutes, published (anyone, no sign-in)
  // ── backlog (series and backlog) ──
  'backlog.propose', // propose an item for a future meeting of a body (any delegation of the council, the secretariat)
  'backlog.update', // edit or withdraw a proposed backlog item; own: the proposing delegation's items (the secretariat: any)
  // ── handover timeline and dossier ──
  'handover.read', // a term's handover timeline, dossier (JSON and document), acknowledgements and the chair's priorities (council members)
  'handover.configure', // the council's handover reminder offsets (the secretariat)
  'handover.manage', // refresh and submit a term's dossier, schedule the troika meeting; own: the delegates of the term's holder
  'handover.acknowledge', // own: the incoming holder's delegates acknowledge the dossier entry by entry
  'presidency.priorities', // a term's priorities; own: the delegates of the term's holder (the secretariat: any term)
  // ── recommendations roll-up and progress reports ──
  'progress_report.create', // produce a progress report for a meeting, optionally attached to its agenda (the secretariat)
  // ── a council's first secretariat; what the outbox will send ──
  'secretariat.appoint', // appoint, list and remove a council's secretariat, also its first (the administrator)
  'notification.inspect', // the planned and sent notifications of a meeting, action item or presidency term (the secretariat, the administrator)
  // ── meeting papers ──
  'document.read', // a meeting's papers, their versions and bytes: the council's members (member_states papers: member states' delegations); anyone for public papers of a published meeting (the service checks)
  'document.upload', // upload a paper or a new version; own: the delegates of the item's presenter (the secretariat: any item)
  'document.manage', // a paper's visibility, publishing a meeting's documents (the secretariat)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['anonymous', 'authenticated', 'delegate', 'observer_delegate', 'chair', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Scope = 'own' | 'council';

const PUBLIC: Permission[] = [
  'health.read',
  'session.use',
  'council.read',
  'participant.read',
  'presidency.read',
  'calendar.feed',
  'decision.read',
  'minutes.public',
  'document.read',
];
const COUNCIL_READER: Permission[] = ['delegation.read', 'body.read', 'recommendation.read', 'meeting.read'];

const all = (permissions: Permission[], scope: Scope = 'council'): Partial<Record<Permission, Scope>> => Object.fromEntries(permissions.map((p) => [p, scope]));

export const ROLE_PERMISSIONS: Record<Role, Partial<Record<Permission, Scope>>> = {
  anonymous: all(PUBLIC),
  authenticated: all(['profile.read', 'profile.update', 'notification.read', 'calendar.subscribe']),
  delegate: {
    ...all(COUNCIL_READER),
    ...all(['backlog.propose']),
    ...all(['backlog.update'], 'own'),
    ...all(['delegation.update', 'delegate.manage'], 'own'),
    ...all(['decision.object', 'decision.consult']),
    ...all(['minutes.comment']),
    ...all(['action_item.read']),
    ...all(['action_item.transition', 'action_item.progress', 'action_item.verify'], 'own'),
    ...all(['handover.read']),
    ...all(['handover.manage', 'handover.acknowledge', 'presidency.priorities'], 'own'),
    ...all(['document.upload'], 'own'),
  },
  // Observers take part in discussion, never in decisions.
  observer_delegate: {
    ...all(COUNCIL_READER),
    ...all(['backlog.propose']),
    ...all(['backlog.update'], 'own'),
    ...all(['minutes.comment']),
    ...all(['delegation.update', 'delegate.manage'], 'own'),
    ...all(['action_item.read']),
    ...all(['action_item.transition', 'action_item.progress', 'action_item.verify'], 'own'),
    ...all(['handover.read']),
    ...all(['document.upload'], 'own'),
  },
  // The chair conducts the meeting: it proposes decisions and closes them (so does the secretariat).
  chair: all([
    'body.manage',
    'agenda.propose',
    'decision.propose',
    'decision.close',
    'action_item.read',
    'action_item.create',
    'action_item.update',
    'action_item.reassign',
  ]),
  secretariat: all([
    ...COUNCIL_READER,
    'council.update',
    'participant.manage',
    'delegation.update',
    'delegate.manage',
    'body.manage',
    'recommendation.manage',
    'presidency.manage',
    'audit.read',
    'user.manage',
    'reminder.manage',
    'meeting.manage',
    'agenda.manage',
    'agenda.propose',
    'attendance.manage',
    'decision.propose',
    'decision.close',
    'backlog.propose',
    'backlog.update',
    'action_item.read',
    'action_item.create',
    'action_item.update',
    'action_item.transition',
    'action_item.verify',
    'action_item.reassign',
    'action_item.cancel',
    'handover.read',
    'handover.configure',
    'handover.manage',
    'presidency.priorities',
    'progress_report.create',
    'notification.inspect',
    'document.upload',
    'document.manage',
  ]),
  admin: all([
    ...COUNCIL_READER,
    'council.create',
    'council.update',
    'user.administer',
    'audit.read',
    'action_item.read',
    'handover.read',
    'secretariat.appoint',
    'notification.inspect',
  ]),
};

/** The widest scope any of the roles gives for the permission, or null when none gives it. */
export function scopeOf(roles: readonly Role[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = ROLE_PERMISSIONS[role][permission];
    if (scope === 'council') return 'council';
    if (scope === 'own') best = 'own';
  }
  return best;
}
