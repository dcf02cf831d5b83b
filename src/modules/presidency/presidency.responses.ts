import type { PresidencyEntryResponse } from './dto/presidency-entry.response.js';
import type { PresidencyTermResponse } from './dto/presidency-term.response.js';
import type { MemberStateRow, PresidencyTermRow } from './presidency.repository.js';
import type { ProjectedTerm } from './rotation.js';

/** Presidency terms, recorded and projected, as the API answers them. */
export function presidencyTermResponse(row: PresidencyTermRow): PresidencyTermResponse {
  return {
    id: row.id,
    participantId: row.participantId,
    holderName: row.holderName,
    isoCode: row.isoCode,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    source: row.source,
    note: row.note,
  };
}

/** An entry of the troika, the schedule or the calendar: a recorded term, or a projected one with its holder among `members`. */
export function presidencyEntryResponse(x: PresidencyTermRow | ProjectedTerm, members: MemberStateRow[]): PresidencyEntryResponse {
  if ('projected' in x) return projectedEntryResponse(x, x.participantId === null ? undefined : members.find((m) => m.id === x.participantId));
  return termEntryResponse(x);
}

/** A recorded term as an entry of the troika or the schedule. */
export function termEntryResponse(row: PresidencyTermRow): PresidencyEntryResponse {
  return { ...presidencyTermResponse(row), projected: false, toBeDesignated: false };
}

/** A projected term (no id); its holder is null when the council must designate one. */
export function projectedEntryResponse(p: ProjectedTerm, holder: MemberStateRow | undefined): PresidencyEntryResponse {
  return {
    id: null,
    participantId: holder?.id ?? null,
    holderName: holder?.name ?? null,
    isoCode: holder?.isoCode ?? null,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    source: null,
    note: null,
    projected: true,
    toBeDesignated: holder === undefined,
  };
}
