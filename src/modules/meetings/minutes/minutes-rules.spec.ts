import {
  commentDeadlineReminderKey,
  commentWindow,
  deadlineReminderDue,
  defaultCommentDeadline,
  MINUTES_APPROVED_KIND,
  MINUTES_CIRCULATED_KIND,
  MINUTES_COMMENT_DEADLINE_KIND,
  minutesNoticeStillDue,
  minutesReminderPrefix,
} from './minutes-rules.js';

const DAY = 86_400_000;
const now = new Date('2030-03-01T12:00:00Z');

describe('minutes rules', () => {
  it('gives 14 days for comments by default', () => {
    expect(defaultCommentDeadline(now).toISOString()).toBe('2030-03-15T12:00:00.000Z');
  });

  it('reminds 2 days before the deadline, or not at all when that moment is not ahead', () => {
    expect(deadlineReminderDue(new Date(now.getTime() + 14 * DAY), now)?.toISOString()).toBe('2030-03-13T12:00:00.000Z');
    expect(deadlineReminderDue(new Date(now.getTime() + 2 * DAY), now)).toBeNull();
    expect(deadlineReminderDue(new Date(now.getTime() + DAY), now)).toBeNull();
    expect(deadlineReminderDue(new Date(now.getTime() + 2 * DAY + 1), now)?.getTime()).toBe(now.getTime() + 1);
  });

  it('keys the reminder under the meeting, so approving cancels it by prefix', () => {
    expect(commentDeadlineReminderKey('m1').startsWith(minutesReminderPrefix('m1'))).toBe(true);
    expect(commentDeadlineReminderKey('m1')).not.toContain(':');
  });

  it('takes comments while circulated and before the deadline', () => {
    const deadline = new Date(now.getTime() + 1000);
    expect(commentWindow({ status: 'draft', commentDeadline: null }, now)).toBe('not_circulated');
    expect(commentWindow({ status: 'circulated', commentDeadline: deadline }, now)).toBe('open');
    expect(commentWindow({ status: 'circulated', commentDeadline: deadline }, deadline)).toBe('closed');
    expect(commentWindow({ status: 'approved', commentDeadline: deadline }, now)).toBe('closed');
  });
});

describe('minutes notices', () => {
  const deadline = new Date(now.getTime() + DAY);

  it('say nothing once the minutes have moved on, or for a deadline they no longer have', () => {
    const circulated = { status: 'circulated' as const, commentDeadline: deadline };
    for (const kind of [MINUTES_CIRCULATED_KIND, MINUTES_COMMENT_DEADLINE_KIND] as const) {
      expect(minutesNoticeStillDue(kind, circulated, deadline.toISOString(), now)).toBe(true);
      expect(minutesNoticeStillDue(kind, circulated, new Date(deadline.getTime() + 1).toISOString(), now)).toBe(false);
      expect(minutesNoticeStillDue(kind, circulated, deadline.toISOString(), deadline)).toBe(false);
      expect(minutesNoticeStillDue(kind, { status: 'approved', commentDeadline: deadline }, deadline.toISOString(), now)).toBe(false);
    }
    expect(minutesNoticeStillDue(MINUTES_APPROVED_KIND, { status: 'approved', commentDeadline: deadline }, 'once', now)).toBe(true);
    expect(minutesNoticeStillDue(MINUTES_APPROVED_KIND, circulated, 'once', now)).toBe(false);
  });
});
