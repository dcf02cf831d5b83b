import type { DelegateRow } from './delegates.repository.js';
import type { DelegationViewRow } from './delegations.repository.js';
import type { DelegateResponse } from './dto/delegate.response.js';
import type { DelegationDetailResponse } from './dto/delegation-detail.response.js';
import type { DelegationResponse } from './dto/delegation.response.js';

/** Delegations and their delegates as the API answers them. */
export function delegationResponse(row: DelegationViewRow): DelegationResponse {
  return {
    id: row.id,
    councilId: row.councilId,
    participantId: row.participantId,
    participantName: row.participantName,
    participantKind: row.participantKind,
    name: row.name,
    contactEmail: row.contactEmail,
    head: row.headId ? { id: row.headId, fullName: row.headFullName!, email: row.headEmail! } : null,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** One delegation with all its delegates (active first). */
export function delegationDetailResponse(row: DelegationViewRow, delegates: DelegateRow[]): DelegationDetailResponse {
  return { ...delegationResponse(row), delegates: delegates.map(delegateResponse) };
}

export function delegateResponse(row: DelegateRow): DelegateResponse {
  return {
    id: row.id,
    councilId: row.councilId,
    delegationId: row.delegationId,
    fullName: row.fullName,
    email: row.email,
    role: row.role,
    preferredLanguage: row.preferredLanguage,
    timeZone: row.timeZone,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
