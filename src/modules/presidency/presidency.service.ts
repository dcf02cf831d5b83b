import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreatePresidencyTermDto } from './dto/create-presidency-term.dto.js';
import { NoPresidencyException } from './no-presidency.exception.js';
import type { PresidencyScheduleResponse } from './dto/presidency-schedule.response.js';
import { PresidencyTermResponse } from './dto/presidency-term.response.js';
import type { PresidencyTermListResponse } from './dto/presidency-term-list.response.js';
import type { PresidencyTroikaResponse } from './dto/presidency-troika.response.js';
import { type CouncilRotationRow, PresidencyRepository, type PresidencyTermRow } from './presidency.repository.js';
import { addMonthsUtc, type ProjectedTerm, scheduleFrom, troikaAt } from './rotation.js';
import { presidencyEntryResponse, presidencyTermResponse } from './presidency.responses.js';

export const DEFAULT_SCHEDULE_COUNT = 6;

function instant(value: string | undefined, fallback: () => Date): Date {
  return value === undefined ? fallback() : new Date(value);
}

/** The council's presidency: recorded terms, the current holder, the troika and the projected calendar. */
@Injectable()
export class PresidencyService {
  constructor(
    private readonly db: DataSource,
    private readonly terms: PresidencyRepository,
    private readonly audit: AuditService,
  ) {}

  async list(councilId: string): Promise<PresidencyTermListResponse> {
    await this.requireCouncil(councilId);
    const rows = await this.terms.listByCouncil(councilId);
    return { items: rows.map((r) => presidencyTermResponse(r)) };
  }

  /**
   * Records a term next to the existing ones: appended at the end of the last
   * term or prepended before the first (to enter history). Changes to one
   * council's presidency are serialised by locking the council row.
   */
  async create(councilId: string, dto: CreatePresidencyTermDto): Promise<PresidencyTermResponse> {
    const source = dto.source ?? 'rotation';
    return this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);

      const holder = await this.terms.findParticipantInCouncil(em, councilId, dto.participantId);
      if (!holder) throw new NotFoundException('participant', dto.participantId);
      if (holder.kind !== 'member_state') {
        throw new InvalidInputException(
          'participantId',
          'member_state',
          `only a member state can hold the presidency; this participant is a ${holder.kind.replace('_', ' ')}`,
        );
      }
      if (source !== 'historical' && holder.status !== 'active') {
        throw new ConflictException(
          'HOLDER_NOT_ACTIVE',
          `a ${holder.status} member state cannot be given a new presidency term (only a historical one)`,
          { participantId: holder.id, status: holder.status },
          'participantId',
        );
      }

      const { first, last } = await this.terms.findEnds(em, councilId);
      if (dto.startsAt === undefined && !last) {
        throw new InvalidInputException('startsAt', 'required', 'startsAt is required for the first presidency term of a council');
      }
      const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : last!.endsAt;
      const endsAt = dto.endsAt !== undefined ? new Date(dto.endsAt) : addMonthsUtc(startsAt, council.termMonths);
      if (endsAt.getTime() <= startsAt.getTime()) {
        throw new InvalidInputException('endsAt', 'after_starts_at', `endsAt (${endsAt.toISOString()}) must be after startsAt (${startsAt.toISOString()})`);
      }

      if (first && last) {
        const appends = startsAt.getTime() === last.endsAt.getTime();
        const prepends = endsAt.getTime() === first.startsAt.getTime();
        // An overlap goes on to the insert, where the exclusion constraint refuses it (409 OVERLAP).
        if (!appends && !prepends && !(await this.terms.overlapsAny(em, councilId, startsAt, endsAt))) {
          throw new ConflictException(
            'PRESIDENCY_GAP',
            `presidency terms must follow each other without gaps: a new term must start at ${last.endsAt.toISOString()} (the end of the last term) or end at ${first.startsAt.toISOString()} (the start of the first)`,
            { lastEndsAt: last.endsAt.toISOString(), firstStartsAt: first.startsAt.toISOString() },
            dto.startsAt !== undefined ? 'startsAt' : 'endsAt',
          );
        }
      }

      const id = await this.terms.insert(em, { councilId, participantId: holder.id, startsAt, endsAt, source, note: dto.note ?? null });
      const created = (await this.terms.findInCouncil(em, councilId, id))!;
      const response = presidencyTermResponse(created);
      await this.audit.record(em, { councilId, action: 'presidency_term.created', entityType: 'presidency_term', entityId: id, after: response });
      return response;
    });
  }

  /** Withdraws the last term, only while it has not started. */
  async remove(councilId: string, termId: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction(async (em) => {
      const council = await this.terms.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      const term = await this.terms.findInCouncil(em, councilId, termId);
      if (!term) throw new NotFoundException('presidency term', termId);
      const { last } = await this.terms.findEnds(em, councilId);
      if (last!.id !== term.id) {
        throw new ConflictException('PRESIDENCY_TERM_NOT_LAST', 'only the last presidency term can be deleted', { lastTermId: last!.id });
      }
      if (term.startsAt.getTime() <= now.getTime()) {
        throw new ConflictException('PRESIDENCY_TERM_STARTED', 'a presidency term that has started cannot be deleted', {
          startsAt: term.startsAt.toISOString(),
        });
      }
      await this.terms.deleteInCouncil(em, councilId, termId);
      await this.audit.record(em, {
        councilId,
        action: 'presidency_term.deleted',
        entityType: 'presidency_term',
        entityId: termId,
        before: presidencyTermResponse(term),
      });
    });
  }

  async current(councilId: string, at?: string): Promise<PresidencyTermResponse> {
    await this.requireCouncil(councilId);
    const when = instant(at, () => new Date());
    const term = await this.terms.findCoveringAt(councilId, when);
    if (!term) throw new NoPresidencyException(councilId, when);
    return presidencyTermResponse(term);
  }

  async troika(councilId: string, at?: string): Promise<PresidencyTroikaResponse> {
    const council = await this.requireCouncil(councilId);
    const when = instant(at, () => new Date());
    const [terms, members] = await Promise.all([this.terms.listByCouncil(councilId), this.terms.listMemberStates(councilId)]);
    const t = troikaAt({ terms, at: when, policy: council.rotationPolicy, members, termMonths: council.termMonths });
    const entry = (x: PresidencyTermRow | ProjectedTerm | null) => (x === null ? null : presidencyEntryResponse(x, members));
    return { at: when.toISOString(), previous: entry(t.previous), current: entry(t.current), next: entry(t.next) };
  }

  async schedule(councilId: string, count: number = DEFAULT_SCHEDULE_COUNT, at?: string): Promise<PresidencyScheduleResponse> {
    const council = await this.requireCouncil(councilId);
    const when = instant(at, () => new Date());
    const [terms, members] = await Promise.all([this.terms.listByCouncil(councilId), this.terms.listMemberStates(councilId)]);
    const entries = scheduleFrom({ terms, at: when, count, policy: council.rotationPolicy, members, termMonths: council.termMonths });
    return { at: when.toISOString(), rotationPolicy: council.rotationPolicy, items: entries.map((e) => presidencyEntryResponse(e, members)) };
  }

  private async requireCouncil(councilId: string): Promise<CouncilRotationRow> {
    const council = await this.terms.findCouncil(councilId);
    if (!council) throw new NotFoundException('council', councilId);
    return council;
  }
}
