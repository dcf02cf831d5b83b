import type { PriorityResponse } from './dto/priority.response.js';
import { type PriorityRow } from './priorities.repository.js';

/** The incoming chair's priorities as the API answers them. */
export function priorityResponse(r: PriorityRow): PriorityResponse {
  return { ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() };
}
