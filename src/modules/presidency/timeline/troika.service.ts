import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MemberStateRow, PresidencyRepository, type PresidencyTermRow } from '../presidency.repository.js';
import { type ProjectedTerm, troikaAt } from '../rotation.js';
import type { TermRef } from '../dossier/dossier-content.js';

export interface TermTroika {
  previous: TermRef | null;
  current: TermRef | null;
  next: TermRef | null;
}

export function termRef(x: PresidencyTermRow | ProjectedTerm, members: MemberStateRow[]): TermRef {
  if ('projected' in x) {
    const m = x.participantId === null ? undefined : members.find((s) => s.id === x.participantId);
    return {
      termId: null,
      participantId: m?.id ?? null,
      name: m?.name ?? null,
      isoCode: m?.isoCode ?? null,
      startsAt: x.startsAt.toISOString(),
      endsAt: x.endsAt.toISOString(),
      projected: true,
    };
  }
  return {
    termId: x.id,
    participantId: x.participantId,
    name: x.holderName,
    isoCode: x.isoCode,
    startsAt: x.startsAt.toISOString(),
    endsAt: x.endsAt.toISOString(),
    projected: false,
  };
}

/** The troika around a term (previous, the term, next — the next projected under a fixed order when not entered), from presidency/rotation.ts. */
@Injectable()
export class TroikaService {
  constructor(private readonly presidency: PresidencyRepository) {}

  async ofTerm(councilId: string, termStartsAt: Date, em?: EntityManager): Promise<TermTroika> {
    const [council, terms, members] = await Promise.all([
      this.presidency.findCouncil(councilId, em),
      this.presidency.listByCouncil(councilId, em),
      this.presidency.listMemberStates(councilId),
    ]);
    const t = troikaAt({ terms, at: termStartsAt, policy: council!.rotationPolicy, members, termMonths: council!.termMonths });
    const ref = (x: PresidencyTermRow | ProjectedTerm | null) => (x === null ? null : termRef(x, members));
    return { previous: ref(t.previous), current: ref(t.current), next: ref(t.next) };
  }
}
