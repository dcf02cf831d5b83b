import { ACTION_ITEM_NOTICE_KINDS } from '../../action-items/reminders/action-item-reminders.js';
import { HANDOVER_KINDS } from '../../presidency/timeline/handover-timeline.js';
import { PRESIDENCY_KINDS } from '../../presidency/transfer/presidency-notices.js';
import { MEETING_NOTICE_KINDS } from '../../meetings/meeting-notices.js';
import { MEETING_REMINDER_KIND } from '../../meetings/meeting-reminders.js';
import { MINUTES_NOTICE_KINDS } from '../../meetings/minutes/minutes-rules.js';
import { describeKind, SCHEDULED_NOTIFICATION_KINDS, statusOf, stepOf } from './scheduled-notification-kinds.js';

describe('scheduled notification kinds', () => {
  it('describes every kind of a meeting, an action item or a presidency term', () => {
    const kinds = [
      MEETING_REMINDER_KIND,
      ...MEETING_NOTICE_KINDS,
      ...MINUTES_NOTICE_KINDS,
      ...ACTION_ITEM_NOTICE_KINDS,
      ...HANDOVER_KINDS,
      ...PRESIDENCY_KINDS,
    ];
    expect(kinds.filter((k) => !SCHEDULED_NOTIFICATION_KINDS[k])).toEqual([]);
  });

  it('labels with the step of the occurrence', () => {
    expect(stepOf('7d@2026-12-09T16:00:00.000Z')).toBe('7d');
    expect(stepOf('once')).toBeNull();
    expect(describeKind('meeting.reminder', '1d@2026-12-09T16:00:00.000Z')).toEqual({
      step: '1d',
      label: 'Reminder 1 day before the meeting',
      audience: 'heads_of_delegation',
    });
    expect(describeKind('action_item.due_soon', 'due-14d@2026-12-09').label).toBe('Due in 14 days');
    expect(describeKind('something.new', 'once')).toEqual({ step: null, label: 'something.new', audience: 'unknown' });
  });

  it('maps the outbox status, telling sent from skipped by the ledger', () => {
    expect([statusOf('pending', 0), statusOf('enqueued', 0), statusOf('cancelled', 0), statusOf('done', 3), statusOf('done', 0)]).toEqual([
      'pending',
      'queued',
      'cancelled',
      'sent',
      'skipped',
    ]);
  });
});
