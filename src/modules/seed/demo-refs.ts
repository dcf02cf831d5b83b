import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { ParticipantKind } from '../participants/entities/participant.entity.js';
import { DemoClock } from './demo-clock.js';
import { DEMO_EMAIL_DOMAIN } from './demo-council.data.js';
import { DEMO_SECRETARIAT_EMAIL } from './demo-users.js';

export interface DemoParticipantRef {
  key: string;
  kind: ParticipantKind;
  participantId: string;
  delegationId: string;
  /** The accounts of the head (and alternate) of delegation; null when the seat has no account. */
  headUserId: string | null;
  alternateUserId: string | null;
}

/** What the demo activity refers to, looked up once by the seed's fixed keys (e-mails, names). */
export class DemoRefs {
  private readonly audits = new AuditService();

  private constructor(
    readonly councilId: string,
    readonly clock: DemoClock,
    readonly quorumRatio: number,
    readonly secretariatUserId: string | null,
    private readonly participants: Map<string, DemoParticipantRef>,
    private readonly bodies: Map<string, string>,
  ) {}

  static async load(em: EntityManager, councilId: string, now: Date): Promise<DemoRefs> {
    const [council] = (await em.query(`SELECT time_zone AS "timeZone", quorum_ratio::float8 AS "quorumRatio" FROM councils WHERE id = $1`, [councilId])) as {
      timeZone: string;
      quorumRatio: number;
    }[];
    const rows = (await em.query(
      `SELECT split_part(split_part(dl.contact_email, '@', 1), '.', 2) AS key, p.kind, p.id AS "participantId", dl.id AS "delegationId",
              (SELECT u.id FROM users u WHERE u.email = 'head.' || split_part(split_part(dl.contact_email, '@', 1), '.', 2) || '@' || $2) AS "headUserId",
              (SELECT u.id FROM users u WHERE u.email = 'alternate.' || split_part(split_part(dl.contact_email, '@', 1), '.', 2) || '@' || $2) AS "alternateUserId"
         FROM delegations dl JOIN participants p ON p.id = dl.participant_id
        WHERE dl.council_id = $1 AND dl.contact_email LIKE 'delegation.%@' || $2
        ORDER BY p.rotation_position NULLS LAST, p.name`,
      [councilId, DEMO_EMAIL_DOMAIN],
    )) as DemoParticipantRef[];
    const bodies = (await em.query(`SELECT id, name FROM bodies WHERE council_id = $1`, [councilId])) as { id: string; name: string }[];
    const [sec] = (await em.query(`SELECT id FROM users WHERE email = $1`, [DEMO_SECRETARIAT_EMAIL])) as { id: string }[];
    return new DemoRefs(
      councilId,
      new DemoClock(now, council!.timeZone),
      council!.quorumRatio,
      sec?.id ?? null,
      new Map(rows.map((r) => [r.key, r])),
      new Map(bodies.map((b) => [b.name, b.id])),
    );
  }

  participant(key: string): DemoParticipantRef {
    const p = this.participants.get(key);
    if (!p) throw new Error(`demo seed: no participant with key ${key}`);
    return p;
  }

  allParticipants(): DemoParticipantRef[] {
    return [...this.participants.values()];
  }

  body(name: string): string {
    const id = this.bodies.get(name);
    if (!id) throw new Error(`demo seed: no body named ${name}`);
    return id;
  }

  /** The audit row of one seeded change, as the service that makes such a change writes it. */
  audit(em: EntityManager, action: string, entityType: string, entityId: string, after: unknown, before?: unknown): Promise<void> {
    return this.audits.record(em, { councilId: this.councilId, action, entityType, entityId, after, ...(before === undefined ? {} : { before }) });
  }
}
