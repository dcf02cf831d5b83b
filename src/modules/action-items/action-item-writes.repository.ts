import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewActionItem, WriteScope } from './action-item.rows.js';
import { Params, scopeSql } from './action-items.sql.js';
import type { ActionItemStatus, OwnerKind, Priority, Rag } from './entities/action-item.entity.js';
import type { UpdateKind } from './entities/action-item-update.entity.js';

/**
 * Action item writes, each in the caller's transaction (the item locked by
 * ActionItemsRepository.lockInCouncil first). Changes check the version they
 * were given and repeat the caller's write scope in the UPDATE's WHERE clause;
 * each answers false when nothing matched.
 */
@Injectable()
export class ActionItemWritesRepository {
  async insert(em: EntityManager, councilId: string, v: NewActionItem): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO action_items (council_id, title, description, owner_kind, owner_delegation_id, owner_body_id, owner_user_id, due_date, priority,
                                 source_kind, decision_id, meeting_id, recommendation_id, target_value, target_unit, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        councilId,
        JSON.stringify(v.title),
        v.description === null ? null : JSON.stringify(v.description),
        v.ownerKind,
        v.ownerDelegationId,
        v.ownerBodyId,
        v.ownerUserId,
        v.dueDate,
        v.priority,
        v.sourceKind,
        v.decisionId,
        v.meetingId,
        v.recommendationId,
        v.targetValue,
        v.targetUnit,
        v.createdBy,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** Title, description, priority and target at `version`; false when the version is no longer current. */
  async updateDetails(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    v: { title: Record<string, string>; description: Record<string, string> | null; priority: Priority; targetValue: number | null; targetUnit: string | null },
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE action_items SET title = $4, description = $5, priority = $6, target_value = $7, target_unit = $8, version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, JSON.stringify(v.title), v.description === null ? null : JSON.stringify(v.description), v.priority, v.targetValue, v.targetUnit],
    )) as [unknown, number];
    return count === 1;
  }

  /** Moves the item from `from` to `to` at `version`, within the caller's scope; false when nothing matched. */
  async transition(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    from: ActionItemStatus,
    to: ActionItemStatus,
    scope: WriteScope,
    extra: { actorId: string | null; reason: string | null; cancelDecisionId: string | null },
  ): Promise<boolean> {
    const p = new Params(id, councilId, version, from, to);
    const set: string[] = [`status = $5`];
    if (to === 'acknowledged') set.push('acknowledged_at = now()');
    if (to === 'done') set.push('done_at = now()');
    if (from === 'done' && to === 'in_progress') set.push('done_at = NULL');
    if (to === 'verified') set.push(`verified_at = now(), verified_by = ${p.add(extra.actorId)}::uuid`);
    if (to === 'cancelled')
      set.push(`cancelled_at = now(), cancel_reason = ${p.add(extra.reason)}, cancel_decision_id = ${p.add(extra.cancelDecisionId)}::uuid`);
    const scoped = scopeSql(scope, p);
    const [, count] = (await em.query(
      `UPDATE action_items a SET ${set.join(', ')}, version = a.version + 1, updated_at = now()
        WHERE a.id = $1 AND a.council_id = $2 AND a.version = $3 AND a.status = $4${scoped}`,
      p.values,
    )) as [unknown, number];
    return count === 1;
  }

  /** Copies the report's figures onto the item (while it is in a progress status), within the caller's scope. */
  async recordProgress(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    scope: WriteScope,
    figures: { percent: number | null; rag: Rag | null },
    statuses: readonly ActionItemStatus[],
  ): Promise<boolean> {
    const p = new Params(id, councilId, version, figures.percent, figures.rag, [...statuses]);
    const scoped = scopeSql(scope, p);
    const [, count] = (await em.query(
      `UPDATE action_items a SET progress_percent = coalesce($4::int, a.progress_percent), progress_rag = coalesce($5::text, a.progress_rag),
              progress_at = now(), version = a.version + 1, updated_at = now()
        WHERE a.id = $1 AND a.council_id = $2 AND a.version = $3 AND a.status = ANY($6::text[])${scoped}`,
      p.values,
    )) as [unknown, number];
    return count === 1;
  }

  /** New owner and due date at `version`; false when the version is no longer current. */
  async reassign(
    em: EntityManager,
    councilId: string,
    id: string,
    version: number,
    v: { ownerKind: OwnerKind; ownerDelegationId: string | null; ownerBodyId: string | null; ownerUserId: string | null; dueDate: string },
  ): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE action_items SET owner_kind = $4, owner_delegation_id = $5, owner_body_id = $6, owner_user_id = $7, due_date = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND council_id = $2 AND version = $3`,
      [id, councilId, version, v.ownerKind, v.ownerDelegationId, v.ownerBodyId, v.ownerUserId, v.dueDate],
    )) as [unknown, number];
    return count === 1;
  }

  async insertUpdate(
    em: EntityManager,
    councilId: string,
    actionItemId: string,
    v: {
      kind: UpdateKind;
      text: string | null;
      percent?: number | null;
      rag?: Rag | null;
      attachmentUrl?: string | null;
      statusFrom?: ActionItemStatus | null;
      statusTo?: ActionItemStatus | null;
      authorId: string | null;
    },
  ): Promise<string> {
    const rows = (await em.query(
      `INSERT INTO action_item_updates (council_id, action_item_id, kind, text, percent, rag, attachment_url, status_from, status_to, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
      [
        councilId,
        actionItemId,
        v.kind,
        v.text,
        v.percent ?? null,
        v.rag ?? null,
        v.attachmentUrl ?? null,
        v.statusFrom ?? null,
        v.statusTo ?? null,
        v.authorId,
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }
}
