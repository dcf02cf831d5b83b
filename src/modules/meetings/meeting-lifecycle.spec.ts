import { MEETING_STATUSES } from './entities/meeting.entity.js';
import { allowedNext, canTransition } from './meeting-lifecycle.js';

describe('meeting lifecycle', () => {
  it('runs draft → convened → agenda circulated → in session → closed → minutes circulated → approved', () => {
    const path = ['draft', 'convened', 'agenda_circulated', 'in_session', 'closed', 'minutes_circulated', 'minutes_approved'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('postpones or cancels only before the session', () => {
    for (const s of MEETING_STATUSES) {
      const before = ['draft', 'convened', 'agenda_circulated', 'postponed'].includes(s);
      expect(canTransition(s, 'cancelled')).toBe(before);
    }
    expect(canTransition('in_session', 'postponed')).toBe(false);
    expect(canTransition('draft', 'postponed')).toBe(false);
    expect(allowedNext('postponed')).toEqual(['draft', 'cancelled']);
  });

  it('ends at approved minutes or cancellation', () => {
    expect(allowedNext('minutes_approved')).toEqual([]);
    expect(allowedNext('cancelled')).toEqual([]);
  });
});
