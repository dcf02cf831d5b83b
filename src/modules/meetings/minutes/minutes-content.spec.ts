import { applyEdits, type DraftSource, draftContent, languageTextsProblem, NOTES_MAX_LENGTH } from './minutes-content.js';

const meeting = {
  id: 'm1',
  title: 'Senior officials',
  kind: 'senior_officials' as const,
  bodyId: null,
  startsAt: '2030-01-01T15:00:00.000Z',
  endsAt: '2030-01-01T20:00:00.000Z',
  timeZone: 'UTC',
  venue: null,
  onlineUrl: null,
  chair: { participantId: 'p-mx', name: 'Mexico' },
};

function source(): DraftSource {
  return {
    meeting,
    languages: ['es', 'en'],
    attendance: [
      {
        delegationId: 'd-obs',
        delegationName: 'IOM',
        participantId: 'p-obs',
        participantName: 'IOM',
        participantKind: 'observer',
        present: true,
        representedBy: 'head',
      },
      {
        delegationId: 'd-mx',
        delegationName: 'Mexico',
        participantId: 'p-mx',
        participantName: 'Mexico',
        participantKind: 'member_state',
        present: true,
        representedBy: 'alternate',
      },
      {
        delegationId: 'd-pp',
        delegationName: 'Migrant Network',
        participantId: 'p-pp',
        participantName: 'Migrant Network',
        participantKind: 'permanent_participant',
        present: true,
        representedBy: 'head',
      },
      {
        delegationId: 'd-ca',
        delegationName: 'Canada',
        participantId: 'p-ca',
        participantName: 'Canada',
        participantKind: 'member_state',
        present: false,
        representedBy: null,
      },
    ],
    items: [
      { id: 'i2', position: 2, title: { es: 'Varios', en: 'Other business' }, purpose: 'aob', status: 'scheduled' },
      { id: 'i1', position: 1, title: { es: 'Plan', en: 'Plan' }, purpose: 'decision', status: 'scheduled' },
    ],
    decisions: [
      {
        id: 'x2',
        agendaItemId: 'i1',
        text: { en: 'Second' },
        status: 'closed',
        outcome: 'not_adopted',
        closedAt: '2030-01-01T18:00:00.000Z',
        createdAt: '2030-01-01T17:00:00.000Z',
        quorum: { memberStatesPresent: 3, activeMemberStates: 4, required: 3 },
      },
      {
        id: 'x1',
        agendaItemId: 'i1',
        text: { en: 'First' },
        status: 'proposed',
        outcome: null,
        closedAt: null,
        createdAt: '2030-01-01T16:00:00.000Z',
        quorum: null,
      },
    ],
    objections: [
      { decisionId: 'x2', delegationId: 'd-ca', delegationName: 'Canada', reason: 'Costs', withdrawn: false },
      { decisionId: 'x2', delegationId: 'd-mx', delegationName: 'Mexico', reason: 'Timing', withdrawn: true },
    ],
    positions: [
      {
        decisionId: 'x2',
        delegationId: 'd-pp',
        delegationName: 'Migrant Network',
        participantKind: 'permanent_participant',
        position: 'concern',
        note: 'Consult',
      },
    ],
  };
}

describe('drafting minutes', () => {
  it('puts items in agenda order with their decisions in the order proposed, standing objections only, and every position', () => {
    const c = draftContent(source(), { en: '  Opened at 9.  ' });
    expect(c.items.map((i) => i.agendaItemId)).toEqual(['i1', 'i2']);
    expect(c.items[0]!.decisions.map((d) => d.decisionId)).toEqual(['x1', 'x2']);
    expect(c.items[0]!.decisions[1]).toEqual({
      decisionId: 'x2',
      text: { en: 'Second' },
      status: 'closed',
      outcome: 'not_adopted',
      closedAt: '2030-01-01T18:00:00.000Z',
      quorum: { memberStatesPresent: 3, activeMemberStates: 4, required: 3 },
      objections: [{ delegationId: 'd-ca', delegationName: 'Canada', reason: 'Costs' }],
      positions: [{ delegationId: 'd-pp', delegationName: 'Migrant Network', participantKind: 'permanent_participant', position: 'concern', note: 'Consult' }],
    });
    expect(c.items[1]!.decisions).toEqual([]);
    expect(c.items.every((i) => JSON.stringify(i.summary) === '{}')).toBe(true);
    expect(c.notes).toEqual({ en: 'Opened at 9.' });
    expect(c.languages).toEqual(['es', 'en']);
    expect(c.meeting).toEqual(meeting);
  });

  it('lists attendance by member states, then permanent participants, then observers, by name', () => {
    expect(draftContent(source()).attendance.map((a) => a.delegationName)).toEqual(['Canada', 'Mexico', 'Migrant Network', 'IOM']);
  });
});

describe('texts per working language', () => {
  it('accepts working languages with non-blank texts', () => {
    expect(languageTextsProblem('notes', { es: 'a', en: 'b' }, ['es', 'en'], 10)).toBeNull();
    expect(languageTextsProblem('notes', {}, ['es'], 10)).toBeNull();
  });

  it('names the field and the rule broken', () => {
    expect(languageTextsProblem('notes', { fr: 'x' }, ['es', 'en'], 10)).toMatchObject({ field: 'notes.fr', rule: 'working_language' });
    expect(languageTextsProblem('notes', { es: '  ' }, ['es'], 10)).toMatchObject({ field: 'notes.es', rule: 'not_blank' });
    expect(languageTextsProblem('notes', { es: 3 }, ['es'], 10)).toMatchObject({ field: 'notes.es', rule: 'not_blank' });
    expect(languageTextsProblem('notes', { es: 'x'.repeat(NOTES_MAX_LENGTH + 1) }, ['es'], NOTES_MAX_LENGTH)).toMatchObject({
      field: 'notes.es',
      rule: 'max_length',
    });
  });
});

describe('editing minutes', () => {
  const content = draftContent(source());

  it('replaces the notes and the summaries named, leaving the record of the meeting as it was', () => {
    const edited = applyEdits(content, { notes: { es: 'Notas' }, items: [{ agendaItemId: 'i2', summary: { en: ' Nothing else. ' } }] });
    if ('problem' in edited) throw new Error(edited.problem.message);
    expect(edited.content.notes).toEqual({ es: 'Notas' });
    expect(edited.content.items[1]!.summary).toEqual({ en: 'Nothing else.' });
    expect(edited.content.items[0]).toEqual(content.items[0]);
    expect(edited.content.attendance).toEqual(content.attendance);
    // Leaving notes out keeps them.
    const again = applyEdits(edited.content, { items: [] });
    expect('content' in again && again.content.notes).toEqual({ es: 'Notas' });
  });

  it('refuses an item not in the minutes, an item named twice, and bad texts, naming the field', () => {
    expect(applyEdits(content, { items: [{ agendaItemId: 'nope', summary: {} }] })).toEqual({
      problem: expect.objectContaining({ field: 'items.0.agendaItemId', rule: 'item_in_minutes' }),
    });
    expect(
      applyEdits(content, {
        items: [
          { agendaItemId: 'i1', summary: {} },
          { agendaItemId: 'i1', summary: {} },
        ],
      }),
    ).toEqual({ problem: expect.objectContaining({ field: 'items.1.agendaItemId', rule: 'once' }) });
    expect(applyEdits(content, { items: [{ agendaItemId: 'i1', summary: { pt: 'x' } }] })).toEqual({
      problem: expect.objectContaining({ field: 'items.0.summary.pt' }),
    });
    expect(applyEdits(content, { notes: { en: '' } })).toEqual({ problem: expect.objectContaining({ field: 'notes.en', rule: 'not_blank' }) });
  });
});
