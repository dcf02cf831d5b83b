import type { EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import type { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import type { CreateActionItemDto } from './dto/create-action-item.dto.js';
import type { OwnerKind, SourceKind } from './entities/action-item.entity.js';

export interface ResolvedOwner {
  ownerKind: OwnerKind;
  ownerDelegationId: string | null;
  ownerBodyId: string | null;
}

/** Where an item comes from. */
export interface ResolvedSource {
  sourceKind: SourceKind;
  decisionId: string | null;
  meetingId: string | null;
  recommendationId: string | null;
}

/**
 * The council's rows an action item refers to — its decision (adopted), meeting or recommendation, its
 * owner (a delegation, a body, or the presidency's holder) and the owner's account — each checked to be
 * in the council, with the error naming the field.
 */
export class ActionItemReferences {
  constructor(private readonly council: CouncilReferencesRepository) {}

  async adoptedDecision(em: EntityManager, councilId: string, decisionId: string, field: string): Promise<{ meetingId: string | null }> {
    const decision = await this.council.decisionForShare(em, councilId, decisionId);
    if (!decision) throw new NotFoundException('decision', decisionId);
    if (decision.outcome !== 'adopted') {
      throw new ConflictException(
        'DECISION_NOT_ADOPTED',
        `only an adopted decision creates or cancels action items; this one is ${decision.status === 'proposed' ? 'still proposed' : decision.outcome?.replace('_', ' ')}`,
        { status: decision.status, outcome: decision.outcome },
        field,
      );
    }
    return { meetingId: decision.meetingId };
  }

  /** Where the item comes from: decisionId (adopted; its meeting), else meetingId, else recommendationId, else none. */
  async source(em: EntityManager, councilId: string, dto: CreateActionItemDto): Promise<ResolvedSource> {
    const recommendationId = dto.recommendationId ?? null;
    if (recommendationId && !(await this.council.hasRecommendation(councilId, recommendationId, em)))
      throw new NotFoundException('recommendation', recommendationId);
    if (dto.decisionId) {
      const decision = await this.adoptedDecision(em, councilId, dto.decisionId, 'decisionId');
      if (dto.meetingId !== undefined && dto.meetingId !== decision.meetingId) {
        throw new InvalidInputException(
          'meetingId',
          'decision_meeting',
          'meetingId, with decisionId, must be the meeting where the decision was taken (or be left out)',
        );
      }
      return { sourceKind: 'decision', decisionId: dto.decisionId, meetingId: decision.meetingId, recommendationId };
    }
    if (dto.meetingId) {
      if (!(await this.council.hasMeeting(councilId, dto.meetingId, em))) throw new NotFoundException('meeting', dto.meetingId);
      return { sourceKind: 'meeting', decisionId: null, meetingId: dto.meetingId, recommendationId };
    }
    return { sourceKind: recommendationId ? 'recommendation' : 'none', decisionId: null, meetingId: null, recommendationId };
  }

  /** The owner named by the fields: a delegation or a body of the council, or the current presidency holder's delegation. */
  async owner(
    em: EntityManager,
    councilId: string,
    dto: { ownerKind?: OwnerKind; ownerDelegationId?: string; ownerBodyId?: string },
    prefix: string,
  ): Promise<ResolvedOwner> {
    const kind = dto.ownerKind!;
    const refuse = (field: string, message: string) => new InvalidInputException(`${prefix}${field}`, 'owner_shape', message);
    if (kind === 'delegation') {
      if (!dto.ownerDelegationId) throw refuse('ownerDelegationId', "ownerDelegationId is required when ownerKind is 'delegation'");
      if (dto.ownerBodyId !== undefined) throw refuse('ownerBodyId', "ownerBodyId is only for ownerKind 'body'");
      if (!(await this.council.hasDelegation(councilId, dto.ownerDelegationId, em))) throw new NotFoundException('delegation', dto.ownerDelegationId);
      return { ownerKind: kind, ownerDelegationId: dto.ownerDelegationId, ownerBodyId: null };
    }
    if (kind === 'body') {
      if (!dto.ownerBodyId) throw refuse('ownerBodyId', "ownerBodyId is required when ownerKind is 'body'");
      if (dto.ownerDelegationId !== undefined) throw refuse('ownerDelegationId', "ownerDelegationId is only for ownerKind 'delegation'");
      if (!(await this.council.hasBody(councilId, dto.ownerBodyId, em))) throw new NotFoundException('body', dto.ownerBodyId);
      return { ownerKind: kind, ownerDelegationId: null, ownerBodyId: dto.ownerBodyId };
    }
    if (dto.ownerDelegationId !== undefined || dto.ownerBodyId !== undefined) {
      throw refuse(
        dto.ownerDelegationId !== undefined ? 'ownerDelegationId' : 'ownerBodyId',
        'an item of the presidency belongs to whoever holds it: give neither ownerDelegationId nor ownerBodyId',
      );
    }
    const holder = await this.council.presidingDelegation(councilId, null, em);
    if (!holder)
      throw new ConflictException(
        'NO_PRESIDENCY',
        'no presidency term covers today (or its holder has no delegation): the presidency cannot own an item now',
        {},
        `${prefix}ownerKind`,
      );
    return { ownerKind: kind, ownerDelegationId: holder, ownerBodyId: null };
  }

  async ownerUser(em: EntityManager, councilId: string, userId: string, owner: ResolvedOwner, field: string): Promise<void> {
    if (!(await this.council.seatsDelegateFor(councilId, userId, { delegationId: owner.ownerDelegationId, bodyId: owner.ownerBodyId }, em))) {
      throw new InvalidInputException(
        field,
        'owner_delegate',
        `${field} must be an account seated as a delegate of the owner (for a body: of one of its current leads)`,
      );
    }
  }
}
