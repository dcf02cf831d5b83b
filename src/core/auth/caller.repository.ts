import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { Role } from './permissions.js';

export interface ResolvedUser {
  roles: Role[];
  delegateId: string | null;
  delegationId: string | null;
  participantId: string | null;
}

/** What the caller query answers (also folded, with these column names, into queries that resolve their own caller). */
export interface CallerRow {
  is_admin: boolean;
  disabled: boolean;
  role: 'secretariat' | 'delegate' | null;
  delegate_id: string | null;
  delegation_id: string | null;
  participant_id: string | null;
  participant_kind: string | null;
  is_chair: boolean;
}

/**
 * One query per authenticated request: the user (refused when disabled), their
 * role in the route's council, their delegation, and whether their member
 * state holds the presidency at this instant.
 */
export const CALLER_SQL = callerSql('$1', '$2', '$3');

/** The caller query with its three parameters (user id, council id, instant) given as SQL expressions. */
export function callerSql(userId: string, councilId: string, at: string): string {
  return `
  SELECT u.is_admin, u.disabled_at IS NOT NULL AS disabled, cr.role, d.id AS delegate_id,
         d.delegation_id, dl.participant_id, p.kind AS participant_kind,
         (p.kind = 'member_state' AND EXISTS (
            SELECT 1 FROM presidency_terms t
             WHERE t.council_id = cr.council_id AND t.participant_id = p.id AND t.period @> ${at}::timestamptz)) AS is_chair
    FROM users u
    LEFT JOIN council_roles cr ON cr.user_id = u.id AND cr.council_id = ${councilId}
    LEFT JOIN delegates d ON d.id = cr.delegate_id AND d.active
    LEFT JOIN delegations dl ON dl.id = d.delegation_id
    LEFT JOIN participants p ON p.id = dl.participant_id
   WHERE u.id = ${userId}`;
}

/** The columns of CallerRow, in order. */
export const CALLER_COLUMNS = ['is_admin', 'disabled', 'role', 'delegate_id', 'delegation_id', 'participant_id', 'participant_kind', 'is_chair'] as const;

/** The caller's roles and seat from the caller query's row; null when the user does not exist (no row) or is disabled. */
export function resolvedFromRow(row: CallerRow | undefined): ResolvedUser | null {
  if (!row || row.disabled) return null;
  const roles: Role[] = ['anonymous', 'authenticated'];
  if (row.is_admin) roles.push('admin');
  if (row.role === 'secretariat') roles.push('secretariat');
  const seated = row.role === 'delegate' && row.delegation_id !== null;
  if (seated) roles.push(row.participant_kind === 'observer' ? 'observer_delegate' : 'delegate');
  if (seated && row.is_chair) roles.push('chair');
  return {
    roles,
    delegateId: seated ? row.delegate_id : null,
    delegationId: seated ? row.delegation_id : null,
    participantId: seated ? row.participant_id : null,
  };
}

@Injectable()
export class CallerRepository {
  constructor(private readonly db: DataSource) {}

  /** null when the user does not exist or is disabled. */
  async resolve(userId: string, councilId: string | null, at: Date): Promise<ResolvedUser | null> {
    const rows = await preparedQuery<CallerRow>(this.db, CALLER_SQL, [userId, councilId, at]);
    return resolvedFromRow(rows[0]);
  }
}
