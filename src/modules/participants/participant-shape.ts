import type { FieldProblem } from '../../core/errors/domain.exception.js';
import { OBSERVER_CATEGORIES, PERMANENT_PARTICIPANT_CATEGORIES, type ParticipantKind } from './entities/participant.entity.js';

export interface ParticipantShape {
  kind: ParticipantKind;
  isoCode: string | null;
  category: string | null;
  /** For a member state about to be created this may be null: the service gives it the next place. */
  rotationPosition: number | null;
}

const includes = (list: readonly string[], value: string | null): boolean => value !== null && list.includes(value);

/**
 * The first field that does not fit the participant's kind, checked before the
 * database so the message is precise (the table's CHECKs are the backstop):
 * a member state has an ISO code and a place in the rotation and no category;
 * a permanent participant has a permanent-participant category and neither; an
 * observer has an observer category, no rotation place, and an ISO code only
 * when it is a state.
 */
export function participantShapeProblem(p: ParticipantShape): FieldProblem | undefined {
  switch (p.kind) {
    case 'member_state':
      if (p.isoCode === null) return { field: 'isoCode', rule: 'required_for_member_state', message: 'isoCode is required for a member state' };
      if (p.category !== null) return { field: 'category', rule: 'not_allowed_for_member_state', message: 'a member state has no category' };
      return undefined;
    case 'permanent_participant':
      if (!includes(PERMANENT_PARTICIPANT_CATEGORIES, p.category)) {
        return {
          field: 'category',
          rule: 'permanent_participant_category',
          message: `category of a permanent participant must be one of ${PERMANENT_PARTICIPANT_CATEGORIES.join(', ')}`,
        };
      }
      if (p.isoCode !== null) return { field: 'isoCode', rule: 'not_allowed_for_permanent_participant', message: 'a permanent participant has no ISO code' };
      if (p.rotationPosition !== null) {
        return { field: 'rotationPosition', rule: 'member_states_only', message: 'only member states have a place in the rotation order' };
      }
      return undefined;
    case 'observer':
      if (!includes(OBSERVER_CATEGORIES, p.category)) {
        return { field: 'category', rule: 'observer_category', message: `category of an observer must be one of ${OBSERVER_CATEGORIES.join(', ')}` };
      }
      if (p.isoCode !== null && p.category !== 'state') {
        return { field: 'isoCode', rule: 'state_observers_only', message: 'only an observer of category state has an ISO code' };
      }
      if (p.rotationPosition !== null) {
        return { field: 'rotationPosition', rule: 'member_states_only', message: 'only member states have a place in the rotation order' };
      }
      return undefined;
  }
}
