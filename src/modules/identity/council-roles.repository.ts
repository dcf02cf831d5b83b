import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CouncilRoleName } from './entities/council-role.entity.js';

/** A user as seen from one council: the account and the role there. */
export interface CouncilUserRow {
  user_id: string;
  council_id: string;
  email: string;
  full_name: string;
  has_password: boolean;
  disabled: boolean;
  role: CouncilRoleName;
  delegate_id: string | null;
  delegation_id: string | null;
  granted_at: Date;
}

export interface MembershipRow {
  council_id: string;
  council_name: string;
  role: CouncilRoleName;
  delegate_id: string | null;
  delegation_id: string | null;
  participant_id: string | null;
}

const COUNCIL_USER_SQL = `
  SELECT u.id AS user_id, cr.council_id, u.email, u.full_name, u.password_hash IS NOT NULL AS has_password,
         u.disabled_at IS NOT NULL AS disabled, cr.role, cr.delegate_id, d.delegation_id, cr.created_at AS granted_at
    FROM council_roles cr
    JOIN users u ON u.id = cr.user_id
    LEFT JOIN delegates d ON d.id = cr.delegate_id AND d.council_id = cr.council_id`;

/** Roles of users in councils. Every query names the council: one council's staff never reach another's roles. */
@Injectable()
export class CouncilRolesRepository {
  constructor(private readonly db: DataSource) {}

  async listByCouncil(councilId: string): Promise<CouncilUserRow[]> {
    return this.db.query(`${COUNCIL_USER_SQL} WHERE cr.council_id = $1 ORDER BY lower(u.full_name), u.email`, [councilId]);
  }

  /** The council's secretariat staff, by name. */
  async secretariatOf(councilId: string): Promise<CouncilUserRow[]> {
    return this.db.query(`${COUNCIL_USER_SQL} WHERE cr.council_id = $1 AND cr.role = 'secretariat' ORDER BY lower(u.full_name), u.email`, [councilId]);
  }

  /** How many secretariat staff the council has (in the caller's transaction). */
  async countSecretariat(em: EntityManager, councilId: string): Promise<number> {
    const rows = (await em.query(`SELECT count(*)::int AS n FROM council_roles WHERE council_id = $1 AND role = 'secretariat'`, [councilId])) as {
      n: number;
    }[];
    return rows[0]!.n;
  }

  /** Removes the user's secretariat role in this council only (a delegate role stays); false when there was none. */
  async deleteSecretariat(em: EntityManager, councilId: string, userId: string): Promise<boolean> {
    const rows = (await em.query(`DELETE FROM council_roles WHERE council_id = $1 AND user_id = $2 AND role = 'secretariat' RETURNING id`, [
      councilId,
      userId,
    ])) as [unknown[], number];
    return rows[0].length > 0;
  }

  async findInCouncil(councilId: string, userId: string, em: EntityManager = this.db.manager): Promise<CouncilUserRow | undefined> {
    const rows = (await em.query(`${COUNCIL_USER_SQL} WHERE cr.council_id = $1 AND cr.user_id = $2`, [councilId, userId])) as CouncilUserRow[];
    return rows[0];
  }

  async insert(em: EntityManager, r: { userId: string; councilId: string; role: CouncilRoleName; delegateId: string | null }): Promise<void> {
    await em.query(`INSERT INTO council_roles (user_id, council_id, role, delegate_id) VALUES ($1, $2, $3, $4)`, [r.userId, r.councilId, r.role, r.delegateId]);
  }

  /** Removes the user's role in this council only; false when there was none. */
  async deleteInCouncil(em: EntityManager, councilId: string, userId: string): Promise<boolean> {
    const rows = (await em.query(`DELETE FROM council_roles WHERE council_id = $1 AND user_id = $2 RETURNING id`, [councilId, userId])) as [unknown[], number];
    return rows[0].length > 0;
  }

  /** The delegate seat, when it belongs to this council. */
  async delegateInCouncil(
    em: EntityManager,
    councilId: string,
    delegateId: string,
  ): Promise<{ id: string; delegation_id: string; active: boolean } | undefined> {
    const rows = (await em.query(`SELECT id, delegation_id, active FROM delegates WHERE id = $1 AND council_id = $2`, [delegateId, councilId])) as {
      id: string;
      delegation_id: string;
      active: boolean;
    }[];
    return rows[0];
  }

  /** The user already linked to this delegate seat, if any. */
  async holderOfDelegateSeat(em: EntityManager, councilId: string, delegateId: string): Promise<string | undefined> {
    const rows = (await em.query(`SELECT user_id FROM council_roles WHERE council_id = $1 AND delegate_id = $2`, [councilId, delegateId])) as {
      user_id: string;
    }[];
    return rows[0]?.user_id;
  }

  /** Whether the user holds a role in a council other than this one. */
  async hasRoleOutside(em: EntityManager, userId: string, councilId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT 1 FROM council_roles WHERE user_id = $1 AND council_id <> $2 LIMIT 1`, [userId, councilId])) as unknown[];
    return rows.length > 0;
  }

  /** Every council the user has a role in, with the delegation for delegates (GET /auth/me). */
  async membershipsOf(userId: string): Promise<MembershipRow[]> {
    return this.db.query(
      `SELECT cr.council_id, c.name AS council_name, cr.role, cr.delegate_id, d.delegation_id, dl.participant_id
         FROM council_roles cr
         JOIN councils c ON c.id = cr.council_id
         LEFT JOIN delegates d ON d.id = cr.delegate_id AND d.council_id = cr.council_id
         LEFT JOIN delegations dl ON dl.id = d.delegation_id
        WHERE cr.user_id = $1
        ORDER BY c.name`,
      [userId],
    );
  }
}
