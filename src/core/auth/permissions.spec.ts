import { type Permission, PERMISSIONS, type Role, ROLE_PERMISSIONS, ROLES, type Scope, scopeOf } from './permissions.js';

describe('the permission table', () => {
  const granted = (role: Role) => Object.entries(ROLE_PERMISSIONS[role]) as [string, Scope][];

  it('has an entry for every role and no other', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES)('%s holds only permissions that exist, each with a known scope', (role) => {
    for (const [permission, scope] of granted(role)) {
      expect({ permission, known: (PERMISSIONS as readonly string[]).includes(permission) }).toEqual({ permission, known: true });
      expect(['own', 'council']).toContain(scope);
    }
  });

  it('lists every permission once', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
  });

  it('every permission is held by some role (a route needing it is usable by someone)', () => {
    const held = new Set(ROLES.flatMap((r) => granted(r).map(([p]) => p)));
    expect(PERMISSIONS.filter((p) => !held.has(p))).toEqual([]);
  });

  it('observer delegates never take part in decisions', () => {
    expect(ROLE_PERMISSIONS.observer_delegate['decision.propose']).toBeUndefined();
    expect(ROLE_PERMISSIONS.observer_delegate['decision.object']).toBeUndefined();
    expect(scopeOf(['anonymous', 'authenticated', 'observer_delegate'], 'decision.propose')).toBeNull();
    expect(scopeOf(['anonymous', 'authenticated', 'observer_delegate'], 'decision.object')).toBeNull();
    // …while member delegates do (decisions are proposed by the chair or the secretariat).
    expect(scopeOf(['anonymous', 'authenticated', 'delegate'], 'decision.object')).toBe('council');
    expect(scopeOf(['anonymous', 'authenticated', 'delegate'], 'decision.propose')).toBeNull();
    expect(scopeOf(['chair'], 'decision.propose')).toBe('council');
  });

  it('anonymous callers hold only the public reads and signing in', () => {
    expect(
      granted('anonymous')
        .map(([p]) => p)
        .sort(),
    ).toEqual([
      'calendar.feed',
      'council.read',
      'decision.read',
      'document.read',
      'health.read',
      'minutes.public',
      'participant.read',
      'presidency.read',
      'session.use',
    ]);
  });

  it('delegates change only their own delegation', () => {
    for (const role of ['delegate', 'observer_delegate'] as const) {
      expect(ROLE_PERMISSIONS[role]['delegation.update']).toBe('own');
      expect(ROLE_PERMISSIONS[role]['delegate.manage']).toBe('own');
    }
  });

  it('no role but the secretariat and the administrator holds a write permission council-wide, except the chair on bodies and action items (and a signed-in person on their own profile, a route with no target)', () => {
    const writes: Permission[] = PERMISSIONS.filter((p) => /\.(create|update|manage|administer)$/.test(p));
    const councilWide = ROLES.flatMap((role) => writes.filter((p) => ROLE_PERMISSIONS[role][p] === 'council').map((p) => `${role}:${p}`));
    expect(councilWide.filter((x) => !x.startsWith('secretariat:') && !x.startsWith('admin:'))).toEqual([
      'authenticated:profile.update',
      'chair:body.manage',
      'chair:action_item.create',
      'chair:action_item.update',
    ]);
  });
});

describe('scopeOf', () => {
  it('is null when no role gives the permission', () => {
    expect(scopeOf([], 'body.manage')).toBeNull();
    expect(scopeOf(['anonymous', 'authenticated'], 'delegation.read')).toBeNull();
  });

  it('gives the scope of the one role that holds the permission', () => {
    expect(scopeOf(['anonymous', 'authenticated', 'delegate'], 'delegation.update')).toBe('own');
    expect(scopeOf(['anonymous', 'authenticated', 'secretariat'], 'delegation.update')).toBe('council');
  });

  it('picks the widest scope whatever the order of the roles', () => {
    const roles: Role[] = ['anonymous', 'authenticated', 'delegate', 'secretariat'];
    expect(scopeOf(roles, 'delegate.manage')).toBe('council');
    expect(scopeOf([...roles].reverse(), 'delegate.manage')).toBe('council');
    expect(scopeOf(['observer_delegate', 'secretariat'], 'delegation.update')).toBe('council');
    expect(scopeOf(['secretariat', 'observer_delegate'], 'delegation.update')).toBe('council');
  });

  it('keeps "own" when no role widens it', () => {
    expect(scopeOf(['delegate', 'chair'], 'delegation.update')).toBe('own');
    expect(scopeOf(['chair', 'delegate'], 'delegate.manage')).toBe('own');
  });

  it('every role alone gives exactly what the table says', () => {
    for (const role of ROLES) {
      for (const permission of PERMISSIONS) {
        expect({ role, permission, scope: scopeOf([role], permission) }).toEqual({ role, permission, scope: ROLE_PERMISSIONS[role][permission] ?? null });
      }
    }
  });
});
