import { participantShapeProblem } from './participant-shape.js';

describe('participantShapeProblem', () => {
  it('accepts the valid shapes', () => {
    expect(participantShapeProblem({ kind: 'member_state', isoCode: 'MX', category: null, rotationPosition: null })).toBeUndefined();
    expect(participantShapeProblem({ kind: 'member_state', isoCode: 'MX', category: null, rotationPosition: 3 })).toBeUndefined();
    expect(participantShapeProblem({ kind: 'permanent_participant', isoCode: null, category: 'indigenous', rotationPosition: null })).toBeUndefined();
    expect(participantShapeProblem({ kind: 'observer', isoCode: 'ES', category: 'state', rotationPosition: null })).toBeUndefined();
    expect(participantShapeProblem({ kind: 'observer', isoCode: null, category: 'state', rotationPosition: null })).toBeUndefined();
    expect(participantShapeProblem({ kind: 'observer', isoCode: null, category: 'intergovernmental', rotationPosition: null })).toBeUndefined();
  });

  it.each([
    [{ kind: 'member_state', isoCode: null, category: null, rotationPosition: null }, 'isoCode'],
    [{ kind: 'member_state', isoCode: 'MX', category: 'state', rotationPosition: null }, 'category'],
    [{ kind: 'permanent_participant', isoCode: null, category: null, rotationPosition: null }, 'category'],
    [{ kind: 'permanent_participant', isoCode: null, category: 'ngo', rotationPosition: null }, 'category'],
    [{ kind: 'permanent_participant', isoCode: 'MX', category: 'academia', rotationPosition: null }, 'isoCode'],
    [{ kind: 'permanent_participant', isoCode: null, category: 'academia', rotationPosition: 2 }, 'rotationPosition'],
    [{ kind: 'observer', isoCode: null, category: null, rotationPosition: null }, 'category'],
    [{ kind: 'observer', isoCode: null, category: 'academia', rotationPosition: null }, 'category'],
    [{ kind: 'observer', isoCode: 'US', category: 'ngo', rotationPosition: null }, 'isoCode'],
    [{ kind: 'observer', isoCode: null, category: 'ngo', rotationPosition: 1 }, 'rotationPosition'],
  ] as const)('refuses %o naming %s', (shape, field) => {
    expect(participantShapeProblem(shape)).toMatchObject({ field });
  });
});
