import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '../../../core/errors/domain.exception.js';
import { AuditService } from '../../audit/audit.service.js';
import type { CreateDesignationDto } from './dto/create-designation.dto.js';
import type { CreateWaiverDto } from './dto/create-waiver.dto.js';
import type { DesignationResponse } from './dto/designation.response.js';
import type { SuccessorResponse } from './dto/successor.response.js';
import type { WaiverResponse } from './dto/waiver.response.js';
import { designationDeadline, designationInTime, type Succession, successor } from './succession.js';
import { type MemberRow, type SuccessionCouncilRow, SuccessionRepository, type TermRow } from './succession.repository.js';

/**
 * Who succeeds a presidency term: the pure rules of succession.ts over the
 * council's recorded terms, member states, waivers and designations. Waivers
 * and designations are recorded against an ADOPTED decision of the council.
 */
@Injectable()
export class SuccessionService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: SuccessionRepository,
    private readonly audit: AuditService,
  ) {}

  /** The successor of `term` as the database stands in `em` (the transfer calls it under the council lock). */
  async evaluate(em: EntityManager, council: SuccessionCouncilRow, term: TermRow, members?: MemberRow[]): Promise<Succession> {
    // One after the other: inside a transaction they share one connection.
    const next = await this.repo.startingAt(em, council.id, term.endsAt);
    const all = members ?? (await this.repo.members(em, council.id));
    const waivers = await this.repo.waivers(em, council.id);
    const designation = await this.repo.designation(em, council.id, term.id);
    return successor({
      policy: council.rotationPolicy,
      members: all,
      outgoing: { id: term.id, participantId: term.participantId, endsAt: term.endsAt, source: term.source },
      next: next ? { id: next.id, participantId: next.participantId } : null,
      waivers,
      designation,
      leadMonths: council.leadMonths,
    });
  }

  async successorOf(councilId: string, termId?: string): Promise<SuccessorResponse> {
    const em = this.db.manager;
    const council = await this.repo.council(em, councilId);
    if (!council) throw new NotFoundException('council', councilId);
    const term = termId ? await this.repo.term(em, councilId, termId) : await this.repo.covering(em, councilId);
    if (!term) throw new NotFoundException('presidency term', termId ?? 'covering now');
    const members = await this.repo.members(em, councilId);
    const holder = (id: string) => {
      const m = members.find((x) => x.id === id);
      return { participantId: id, name: m?.name ?? '', isoCode: m?.isoCode ?? null };
    };
    const base = {
      termId: term.id,
      termEndsAt: term.endsAt.toISOString(),
      rotationPolicy: council.rotationPolicy,
      designationDeadline: designationDeadline(term.endsAt, council.leadMonths).toISOString(),
    };
    const transferred = (await em.query(
      `SELECT t.participant_id AS "participantId" FROM presidency_transfers x JOIN presidency_terms t ON t.id = x.to_term_id WHERE x.from_term_id = $1`,
      [term.id],
    )) as { participantId: string }[];
    if (transferred[0]) return { ...base, known: true, successor: holder(transferred[0].participantId), basis: 'transferred', reason: null, skipped: [] };
    const s = await this.evaluate(em, council, term, members);
    if (!s.found) return { ...base, known: false, successor: null, basis: null, reason: s.reason, skipped: s.skipped };
    return { ...base, known: true, successor: holder(s.participantId), basis: s.basis, reason: null, skipped: s.skipped };
  }

  async addWaiver(councilId: string, dto: CreateWaiverDto): Promise<WaiverResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.repo.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      await this.requireMemberState(em, councilId, dto.participantId);
      await this.requireAdopted(em, councilId, dto.decisionId);
      if (dto.forTermAfter !== undefined) {
        const term = await this.repo.term(em, councilId, dto.forTermAfter);
        if (!term) throw new NotFoundException('presidency term', dto.forTermAfter);
        await this.requireNotSucceeded(em, term.id, 'forTermAfter');
      }
      const row = await this.repo.insertWaiver(em, {
        councilId,
        participantId: dto.participantId,
        decisionId: dto.decisionId,
        forTermAfter: dto.forTermAfter ?? null,
      });
      const response: WaiverResponse = {
        id: row.id,
        participantId: dto.participantId,
        decisionId: dto.decisionId,
        forTermAfter: dto.forTermAfter ?? null,
        createdAt: new Date(row.createdAt).toISOString(),
      };
      await this.audit.record(em, { councilId, action: 'presidency.waiver_recorded', entityType: 'presidency_waiver', entityId: row.id, after: response });
      return response;
    });
  }

  async addDesignation(councilId: string, dto: CreateDesignationDto): Promise<DesignationResponse> {
    return this.db.transaction(async (em) => {
      const council = await this.repo.lockCouncil(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);
      const term = await this.repo.term(em, councilId, dto.forTermAfter);
      if (!term) throw new NotFoundException('presidency term', dto.forTermAfter);
      const participant = await this.requireMemberState(em, councilId, dto.participantId);
      if (participant.status !== 'active') {
        throw new ConflictException(
          'HOLDER_NOT_ACTIVE',
          `a ${participant.status} member state cannot be designated`,
          { status: participant.status },
          'participantId',
        );
      }
      const decision = await this.requireAdopted(em, councilId, dto.decisionId);
      if (council.rotationPolicy !== 'designated') {
        throw new ConflictException('ROTATION_NOT_DESIGNATED', 'this council rotates its presidency in a fixed order: successors are not designated', {
          rotationPolicy: council.rotationPolicy,
        });
      }
      await this.requireNotSucceeded(em, term.id, 'forTermAfter');
      const adoptedAt = new Date(decision.closedAt!);
      const deadline = designationDeadline(term.endsAt, council.leadMonths);
      if (!designationInTime(adoptedAt, term, council.leadMonths)) {
        throw new ConflictException(
          'DESIGNATION_TOO_LATE',
          `a successor must be designated by a decision adopted at least ${council.leadMonths} months before the term ends (by ${deadline.toISOString()}); this one was adopted ${adoptedAt.toISOString()}`,
          { adoptedAt: adoptedAt.toISOString(), deadline: deadline.toISOString(), leadMonths: council.leadMonths },
          'decisionId',
        );
      }
      const row = await this.repo.insertDesignation(em, {
        councilId,
        forTermAfter: term.id,
        participantId: dto.participantId,
        decisionId: dto.decisionId,
        adoptedAt,
      });
      const response: DesignationResponse = {
        id: row.id,
        forTermAfter: term.id,
        participantId: dto.participantId,
        decisionId: dto.decisionId,
        adoptedAt: adoptedAt.toISOString(),
        deadline: deadline.toISOString(),
        createdAt: new Date(row.createdAt).toISOString(),
      };
      await this.audit.record(em, {
        councilId,
        action: 'presidency.successor_designated',
        entityType: 'presidency_designation',
        entityId: row.id,
        after: response,
      });
      return response;
    });
  }

  private async requireMemberState(em: EntityManager, councilId: string, participantId: string) {
    const p = await this.repo.participantKind(em, councilId, participantId);
    if (!p) throw new NotFoundException('participant', participantId);
    if (p.kind !== 'member_state') throw new InvalidInputException('participantId', 'member_state', 'only a member state holds (or waives) the presidency');
    return p;
  }

  private async requireAdopted(em: EntityManager, councilId: string, decisionId: string) {
    const d = await this.repo.decision(em, councilId, decisionId);
    if (!d) throw new NotFoundException('decision', decisionId);
    if (d.outcome !== 'adopted') {
      throw new ConflictException(
        'DECISION_NOT_ADOPTED',
        `only an adopted decision can record this; this one is ${d.status === 'proposed' ? 'still proposed' : (d.outcome ?? '').replace('_', ' ')}`,
        { status: d.status, outcome: d.outcome },
        'decisionId',
      );
    }
    return d;
  }

  private async requireNotSucceeded(em: EntityManager, termId: string, field: string): Promise<void> {
    if (await this.repo.isSucceeded(em, termId)) {
      throw new ConflictException('TERM_ALREADY_SUCCEEDED', 'this term has already been succeeded (transferred or extended)', { termId }, field);
    }
  }
}
