import type { EntityManager } from 'typeorm';
import { isUuid } from '../validation/uuid.js';
import { defineNoticeKind, eachLive } from './define-notice-kind.js';
import type { OutboxRow, PreparedNotification } from './notification-kind.js';
import { NotificationKindsRegistry } from './notification-kinds.registry.js';
import { OutboxService } from './outbox.service.js';

const em = {} as EntityManager;
const COUNCIL = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const OTHER_COUNCIL = '16fd2706-8baf-433b-82eb-8c7fada847da';
const SUBJECT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const BREAK = '9a4f5d3e-1b2c-4d5e-8f90-123456789abc';

const row = (id: string, over: Partial<OutboxRow> = {}): OutboxRow => ({
  id,
  councilId: COUNCIL,
  kind: 'silence.circulated',
  subjectType: 'decision',
  subjectId: SUBJECT,
  occurrence: 'once',
  payload: {},
  dueAt: new Date(0),
  generation: 1,
  ...over,
});
const prepared = (): PreparedNotification => ({ recipients: [], message: () => ({ data: {} }) });

describe('defineNoticeKind', () => {
  it('registers each kind, loads the distinct subjects once per batch, and keeps the rows of their own council', async () => {
    const registry = new NotificationKindsRegistry();
    const loads: string[][] = [];
    const seen: { kind: string; rows: string[] }[] = [];
    defineNoticeKind(registry, {
      kinds: ['silence.circulated', 'silence.adopted'] as const,
      load: async (_em, ids) => {
        loads.push(ids);
        return [{ id: SUBJECT, councilId: COUNCIL }];
      },
      prepare: async (kind, _em, live) => {
        seen.push({ kind, rows: live.map((l) => l.row.id) });
        return new Map(live.map((l) => [l.row.id, prepared()]));
      },
    });
    expect(registry.get('silence.adopted')).toBeDefined();
    const kind = registry.get('silence.circulated')!;
    const out = await kind.prepareMany!(em, [
      row('a'),
      row('b'),
      row('other-council', { councilId: OTHER_COUNCIL }),
      row('no-council', { councilId: null }),
      row('not-a-uuid', { subjectId: 'nope' }),
      row('gone', { subjectId: OTHER_COUNCIL }),
    ]);
    expect(loads).toEqual([[SUBJECT, OTHER_COUNCIL]]);
    expect(seen).toEqual([{ kind: 'silence.circulated', rows: ['a', 'b'] }]);
    expect([...out.keys()]).toEqual(['a', 'b']);
    expect(await kind.prepare(em, row('one'))).not.toBeNull();
    expect(await kind.prepare(em, row('elsewhere', { councilId: OTHER_COUNCIL }))).toBeNull();
  });

  it('drops a row whose payload fails its check before loading, and hands the checked payload on', async () => {
    const registry = new NotificationKindsRegistry();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return [{ id: SUBJECT, councilId: COUNCIL }];
    };
    const breaks: string[] = [];
    defineNoticeKind(registry, {
      kinds: ['silence.broken'] as const,
      payload: { breakId: isUuid },
      load,
      prepare: (_kind, _em, live) =>
        eachLive(live, async (x) => {
          breaks.push(x.payload.breakId);
          return prepared();
        }),
    });
    const kind = registry.get('silence.broken')!;
    expect(await kind.prepare(em, row('bad', { payload: { breakId: 'x' } }))).toBeNull();
    expect(await kind.prepare(em, row('missing'))).toBeNull();
    expect(loads).toBe(0);
    expect(await kind.prepare(em, row('good', { payload: { breakId: BREAK } }))).not.toBeNull();
    expect(breaks).toEqual([BREAK]);
  });

  it('matches subjects by idOf when they are not keyed by id', async () => {
    const registry = new NotificationKindsRegistry();
    defineNoticeKind(registry, {
      kinds: ['minutes.approved'] as const,
      load: async () => [{ meetingId: SUBJECT, councilId: COUNCIL }],
      idOf: (m) => m.meetingId,
      prepare: async (_kind, _em, live) => new Map(live.map((l) => [l.row.id, prepared()])),
    });
    expect(await registry.get('minutes.approved')!.prepare(em, row('m'))).not.toBeNull();
  });

  it('refuses a kind registered twice', () => {
    const registry = new NotificationKindsRegistry();
    const define = () => defineNoticeKind(registry, { kinds: ['meeting.cancelled'] as const, load: async () => [], prepare: async () => new Map() });
    define();
    expect(define).toThrow('notification kind meeting.cancelled registered twice');
  });
});

/** Compile-time checks (tsc): a kind and its payload are checked where a notification is asked for. */
export function typeChecks(outbox: OutboxService): void {
  const at = new Date();
  const base = { councilId: null, subjectType: 'decision', subjectId: SUBJECT };
  void outbox.notify(em, { ...base, kind: 'silence.broken', payload: { breakId: BREAK } });
  void outbox.notify(em, { ...base, kind: 'silence.circulated' });
  // @ts-expect-error an unknown kind
  void outbox.notify(em, { ...base, kind: 'silence.unknown' });
  // @ts-expect-error silence.broken needs its breakId
  void outbox.notify(em, { ...base, kind: 'silence.broken' });
  // @ts-expect-error a wrong payload field
  void outbox.schedule(em, 'k', at, { ...base, kind: 'silence.broken', payload: { breakID: BREAK } });
  // @ts-expect-error a payload for a kind that has none
  void outbox.schedule(em, 'k', at, { ...base, kind: 'meeting.cancelled', payload: { breakId: BREAK } });
  void outbox.schedule(em, 'k', at, { ...base, kind: 'action_item.due_soon', payload: { step: 'due-3d', dueDate: '2026-01-01', days: 3 } });
  // @ts-expect-error action item reminders carry their step, due date and day count
  void outbox.schedule(em, 'k', at, { ...base, kind: 'action_item.due_soon', payload: { step: 'due-3d' } });
  defineNoticeKind(new NotificationKindsRegistry(), {
    kinds: ['silence.circulated'] as const,
    // @ts-expect-error a check of a payload field the kind does not have
    payload: { breakId: isUuid },
    load: async () => [],
    prepare: async () => new Map(),
  });
}
