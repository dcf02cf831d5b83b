import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException, StaleVersionException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilsRepository } from '../councils/councils.repository.js';
import { defaultDelegationName } from '../delegations/delegation-name.js';
import { DelegationsRepository } from '../delegations/delegations.repository.js';
import type { CreateParticipantDto } from './dto/create-participant.dto.js';
import type { ListParticipantsQuery } from './dto/list-participants.query.js';
import { ParticipantListResponse } from './dto/participant-list.response.js';
import { ParticipantResponse } from './dto/participant.response.js';
import type { RotationOrderDto } from './dto/rotation-order.dto.js';
import type { UpdateParticipantDto } from './dto/update-participant.dto.js';
import { participantShapeProblem } from './participant-shape.js';
import { type ParticipantChanges, ParticipantsRepository } from './participants.repository.js';
import { participantResponse } from './participants.responses.js';

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    private readonly councils: CouncilsRepository,
    private readonly delegations: DelegationsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates the participant and its delegation in one transaction, with one
   * audit row per entity (participant.created, delegation.created).
   */
  async create(councilId: string, dto: CreateParticipantDto): Promise<ParticipantResponse> {
    const isoCode = dto.isoCode ?? null;
    const category = dto.category ?? null;
    const problem = participantShapeProblem({ kind: dto.kind, isoCode, category, rotationPosition: dto.rotationPosition ?? null });
    if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);

    return this.db.transaction(async (em) => {
      // Locking the council serialises membership changes, so "next place in the rotation" cannot be handed out twice.
      if (!(await this.councils.lockForChange(em, councilId))) throw new NotFoundException('council', councilId);
      let rotationPosition: number | null = null;
      if (dto.kind === 'member_state') {
        if (dto.rotationPosition !== undefined && dto.rotationPosition !== null) {
          await this.assertRotationPositionFree(em, councilId, dto.rotationPosition, null);
          rotationPosition = dto.rotationPosition;
        } else {
          rotationPosition = await this.participants.nextRotationPosition(em, councilId);
        }
      }
      const row = await this.participants.insert(em, {
        councilId,
        kind: dto.kind,
        name: dto.name.trim(),
        isoCode,
        category,
        rotationPosition,
        status: dto.status ?? 'active',
        timeZone: dto.timeZone ?? null,
      });
      const participant = participantResponse(row);
      await this.audit.record(em, { councilId, action: 'participant.created', entityType: 'participant', entityId: row.id, after: participant });
      const delegation = await this.delegations.insertForParticipant(em, { councilId, participantId: row.id, name: defaultDelegationName(participant.name) });
      await this.audit.record(em, { councilId, action: 'delegation.created', entityType: 'delegation', entityId: delegation.id, after: delegation });
      return participant;
    });
  }

  async list(councilId: string, query: ListParticipantsQuery): Promise<ParticipantListResponse> {
    const rows = await this.participants.listByCouncil(councilId, { kind: query.kind, status: query.status });
    if (rows.length === 0 && !(await this.councils.exists(councilId))) throw new NotFoundException('council', councilId);
    const list = new ParticipantListResponse();
    list.items = rows.map((r) => participantResponse(r));
    return list;
  }

  /** One query (PARTICIPANT_BY_ID_SQL); a missing council or a participant of another council is a 404 alike. */
  async get(councilId: string, participantId: string): Promise<ParticipantResponse> {
    const row = await this.participants.findInCouncil(councilId, participantId);
    if (!row) throw new NotFoundException('participant', participantId);
    return participantResponse(row);
  }

  async update(councilId: string, participantId: string, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.participants.findInCouncilForUpdate(em, councilId, participantId);
      if (!current) throw new NotFoundException('participant', participantId);
      if (current.version !== dto.version) throw new StaleVersionException('participant', participantId, dto.version);

      if (dto.isoCode !== undefined && current.kind !== 'member_state' && current.category !== 'state') {
        throw new InvalidInputException('isoCode', 'states_only', 'only a member state or a state observer has an ISO code');
      }
      if (dto.rotationPosition !== undefined && current.kind !== 'member_state') {
        throw new InvalidInputException('rotationPosition', 'member_states_only', 'only member states have a place in the rotation order');
      }
      const problem = participantShapeProblem({
        kind: current.kind,
        isoCode: dto.isoCode === undefined ? current.iso_code : dto.isoCode,
        category: current.category,
        rotationPosition: dto.rotationPosition ?? current.rotation_position,
      });
      if (problem) throw new InvalidInputException(problem.field, problem.rule, problem.message);
      if (dto.rotationPosition !== undefined && dto.rotationPosition !== current.rotation_position) {
        await this.assertRotationPositionFree(em, councilId, dto.rotationPosition, participantId);
      }

      const changes: ParticipantChanges = {
        name: dto.name?.trim(),
        status: dto.status,
        rotationPosition: dto.rotationPosition,
        timeZone: dto.timeZone,
        isoCode: dto.isoCode,
      };
      const row = await this.participants.updateVersioned(em, councilId, participantId, dto.version, changes);
      if (!row) throw new StaleVersionException('participant', participantId, dto.version);
      const before = participantResponse(current);
      const after = participantResponse(row);
      await this.audit.record(em, { councilId, action: 'participant.updated', entityType: 'participant', entityId: participantId, before, after });
      return after;
    });
  }

  /**
   * Rewrites the whole rotation order: the list must name every member state
   * of the council exactly once. One audit row for the council's new order.
   */
  async reorderRotation(councilId: string, dto: RotationOrderDto): Promise<ParticipantListResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.councils.lockForChange(em, councilId))) throw new NotFoundException('council', councilId);
      const states = await this.participants.memberStatesInRotationOrder(em, councilId);
      const known = new Set(states.map((s) => s.id));
      const unknown = dto.participantIds.filter((id) => !known.has(id));
      const listed = new Set(dto.participantIds);
      const missing = states.filter((s) => !listed.has(s.id)).map((s) => s.id);
      if (unknown.length > 0 || missing.length > 0) {
        const parts = [
          ...(unknown.length ? [`not member states of this council: ${unknown.join(', ')}`] : []),
          ...(missing.length ? [`missing member states: ${missing.join(', ')}`] : []),
        ];
        throw new InvalidInputException(
          'participantIds',
          'exactly_the_member_states',
          `participantIds must list every member state of the council exactly once (${parts.join('; ')})`,
        );
      }
      await this.participants.rewriteRotationOrder(em, councilId, dto.participantIds);
      const after = await this.participants.memberStatesInRotationOrder(em, councilId);
      await this.audit.record(em, {
        councilId,
        action: 'participants.rotation_order_changed',
        entityType: 'council',
        entityId: councilId,
        before: { participantIds: states.map((s) => s.id) },
        after: { participantIds: after.map((s) => s.id) },
      });
      const list = new ParticipantListResponse();
      list.items = after.map((r) => participantResponse(r));
      return list;
    });
  }

  private async assertRotationPositionFree(em: EntityManager, councilId: string, position: number, selfId: string | null): Promise<void> {
    const holder = await this.participants.holderOfRotationPosition(em, councilId, position);
    if (holder && holder !== selfId) {
      throw new ConflictException(
        'ROTATION_POSITION_TAKEN',
        `place ${position} in the rotation order is held by participant ${holder}; use rotation-order to permute member states`,
        { rotationPosition: position, participantId: holder },
        'rotationPosition',
      );
    }
  }
}
