import type { EntityManager } from 'typeorm';
import { isUuid } from '../validation/uuid.js';
import type { OutboxRow, PreparedNotification } from './notification-kind.js';
import type { NotificationKindsRegistry } from './notification-kinds.registry.js';
import type { NotificationKindName, NotificationPayloads } from './notification-payloads.js';

/** A check of one payload field; a row whose field fails it has nothing to send. */
export type PayloadGuard<T> = (value: unknown) => value is T;
type GuardsFor<P> = { [F in keyof P]?: PayloadGuard<P[F]> };
/** The payload fields the guards checked, with their types. */
type Checked<G> = { [F in keyof G]: G[F] extends PayloadGuard<infer T> ? T : never };

/** A row that passed the checks, with its subject (reloaded, of the row's council) and its checked payload. */
export interface LiveNotice<S, G = object> {
  row: OutboxRow & { councilId: string };
  subject: S;
  payload: Checked<G>;
}

export interface NoticeKindDefinition<K extends NotificationKindName, S extends { councilId: string }, G extends GuardsFor<NotificationPayloads[K]>> {
  /** The kinds this definition serves; each is registered on its own (so each has its own preference). */
  kinds: readonly K[];
  /** Payload fields the kind reads, each with its check (e.g. `{ breakId: isUuid }`). */
  payload?: G;
  /**
   * Loads the subjects of the rows, in as few queries as it can: `ids` are the rows' distinct subject ids (each a
   * UUID), `rows` the rows themselves (each of a council). A row whose subject is not returned has nothing to send.
   */
  load(em: EntityManager, ids: string[], rows: (OutboxRow & { councilId: string })[]): Promise<readonly S[]>;
  /** The subject id a loaded subject answers to (default: its `id`). */
  idOf?: (subject: S) => string;
  /** Recipients and messages for the live rows of one kind, by row id; a row missing from the map has nothing to send. */
  prepare(kind: K, em: EntityManager, live: LiveNotice<S, G>[]): Promise<Map<string, PreparedNotification>>;
}

/**
 * Registers the notification kinds of a feature, with what every kind does before it says anything: a row whose
 * subject id is not a UUID, that has no council, or whose payload fails its checks is dropped; the subjects are
 * reloaded (all the rows of a batch together), and a row whose subject is gone or belongs to another council is
 * dropped. `prepare` gets the rest, with their subjects.
 */
export function defineNoticeKind<K extends NotificationKindName, S extends { councilId: string }, G extends GuardsFor<NotificationPayloads[K]> = object>(
  registry: NotificationKindsRegistry,
  definition: NoticeKindDefinition<K, S, G>,
): void {
  const idOf = definition.idOf ?? ((s: S) => (s as S & { id: string }).id);
  const guards = Object.entries(definition.payload ?? {}) as [string, PayloadGuard<unknown>][];
  const prepareMany = async (kind: K, em: EntityManager, rows: OutboxRow[]): Promise<Map<string, PreparedNotification>> => {
    const checked = rows.filter(
      (row): row is OutboxRow & { councilId: string } =>
        isUuid(row.subjectId) && row.councilId !== null && guards.every(([field, guard]) => guard(row.payload[field])),
    );
    if (checked.length === 0) return new Map();
    const subjects = new Map((await definition.load(em, [...new Set(checked.map((r) => r.subjectId))], checked)).map((s) => [idOf(s), s]));
    const live: LiveNotice<S, G>[] = [];
    for (const row of checked) {
      const subject = subjects.get(row.subjectId);
      if (subject && subject.councilId === row.councilId) live.push({ row, subject, payload: row.payload as Checked<G> });
    }
    return live.length === 0 ? new Map() : definition.prepare(kind, em, live);
  };
  for (const kind of definition.kinds) {
    registry.register({
      kind,
      prepare: async (em, row) => (await prepareMany(kind, em, [row])).get(row.id) ?? null,
      prepareMany: (em, rows) => prepareMany(kind, em, rows),
    });
  }
}

/** For kinds that prepare one row at a time: `prepare` for each live row in turn, nothing for those it returns null for. */
export async function eachLive<L extends { row: OutboxRow }>(
  live: L[],
  prepare: (x: L) => Promise<PreparedNotification | null>,
): Promise<Map<string, PreparedNotification>> {
  const out = new Map<string, PreparedNotification>();
  for (const x of live) {
    const prepared = await prepare(x);
    if (prepared) out.set(x.row.id, prepared);
  }
  return out;
}
