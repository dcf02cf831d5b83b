import { iso } from '../../../core/http/iso.js';
import type { AgendaItemRow, AgendaRow } from './agenda.repository.js';
import type { AgendaItemResponse } from './dto/agenda-item.response.js';
import type { AgendaResponse } from './dto/agenda.response.js';

/** The agenda's rows as the API answers them. */
export function itemResponse(r: AgendaItemRow): AgendaItemResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    meetingId: r.meetingId,
    position: r.position,
    title: r.title,
    purpose: r.purpose,
    presenterParticipantId: r.presenterParticipantId,
    minutesAllotted: r.minutesAllotted,
    concernsPermanentParticipants: r.concernsPermanentParticipants,
    supplementary: r.supplementary,
    acceptedByChair: r.acceptedByChair,
    documents: r.documents.map((d) => ({ title: d.title, url: d.url })),
    status: r.status,
    carriedFromItemId: r.carriedFromItemId,
    version: r.version,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

/** A meeting without an agenda row has an empty draft agenda at version 1 (the row is made by the first change). */
export function agendaResponse(councilId: string, meetingId: string, a: AgendaRow | undefined, items: AgendaItemRow[]): AgendaResponse {
  return {
    meetingId,
    councilId,
    status: a?.status ?? 'draft',
    circulatedAt: iso(a?.circulatedAt ?? null),
    adoptedAt: iso(a?.adoptedAt ?? null),
    supplementaryDeadline: iso(a?.supplementaryDeadline ?? null),
    version: a?.version ?? 1,
    items: items.map(itemResponse),
  };
}
