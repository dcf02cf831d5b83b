import type { EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { ConflictException, InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { localizedTextProblem, trimmedTexts } from '../../core/text/localized-text.js';
import { isFinal } from './action-item-lifecycle.js';
import type { ActionItemRow, CouncilInfo, WriteScope } from './action-item.rows.js';
import type { ActionItemsRepository } from './action-items.repository.js';

// The checks creating and changing an item share: the council's languages and today, texts, dates, targets, final statuses.

/** The council's working languages and today (its time zone); 404 when there is no such council. */
export async function councilOf(items: ActionItemsRepository, em: EntityManager, councilId: string): Promise<CouncilInfo> {
  const council = await items.councilInfo(em, councilId);
  if (!council) throw new NotFoundException('council', councilId);
  return council;
}

/** The texts in the council's working languages, trimmed; 400 naming the field otherwise. */
export function councilTexts(field: string, text: Record<string, string>, council: CouncilInfo, maxLength: number): Record<string, string> {
  const problem = localizedTextProblem(field, text, council.workingLanguages, maxLength);
  if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
  return trimmedTexts(text);
}

export function notPast(date: string, council: CouncilInfo, field: string): void {
  if (date < council.today) throw new InvalidInputException(field, 'not_past', `${field} must be today (${council.today}, the council's time zone) or later`);
}

/** A target is a value with its unit, or neither. */
export function targetShape(value: number | null, unit: string | null): void {
  if (value !== null && unit === null) throw new InvalidInputException('targetUnit', 'required', 'targetUnit is required with targetValue (e.g. 50000 people)');
  if (value === null && unit !== null) throw new InvalidInputException('targetValue', 'required', 'targetValue is required with targetUnit');
}

export function notFinal(item: ActionItemRow, what: string): void {
  if (isFinal(item.status)) {
    throw new ConflictException('ITEM_CLOSED', `a ${item.status} action item cannot be ${what} any more`, { status: item.status });
  }
}

/** Who may write, as a WHERE condition: council-wide, or the caller's delegation as owner (or lead, for verifying body items). */
export function writeScopeOf(caller: Caller, scope: 'own' | 'council', own: 'owner' | 'lead'): WriteScope {
  if (scope === 'council') return { kind: 'council' };
  if (!caller.delegationId) throw new Error('an own-scoped permission was granted to a caller without a delegation');
  return own === 'lead'
    ? { kind: 'lead', participantId: caller.participantId }
    : { kind: 'owner', delegationId: caller.delegationId, participantId: caller.participantId };
}
