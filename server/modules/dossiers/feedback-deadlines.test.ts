import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/index.js';
import { canTransition, feedbackDueAt, infoWaitMinutes, isOnTime, overdueStartCutoff, pendingDeadline, type FeedbackTimes } from './feedback-deadlines.js';

const cal = new WorkCalendar({ overrides: [] });
const vn = (s: string) => new Date(`${s}+07:00`);
/** A feedback still at the office, never asked for more: only the instants that matter to a test change. */
const times = (over: Partial<FeedbackTimes> & { submittedAt: Date }): FeedbackTimes => ({ state: 'received', resolvedAt: null, infoWaitMinutes: 0, ...over });

describe('feedback deadlines (working hours from the submission, 8 h a day)', () => {
  it('refuse ≤ 2 days: Monday 09:00 → Wednesday 09:00', () => {
    expect(feedbackDueAt(cal, 'refuse', times({ submittedAt: vn('2026-03-02T09:00:00') }))).toEqual(vn('2026-03-04T09:00:00'));
  });

  it('ask for more ≤ 5 days: Monday 09:00 → the next Monday 09:00', () => {
    expect(feedbackDueAt(cal, 'request_info', times({ submittedAt: vn('2026-03-02T09:00:00') }))).toEqual(vn('2026-03-09T09:00:00'));
  });

  it('resolve ≤ 15 days: Monday 09:00 → three weeks later, Monday 09:00', () => {
    expect(feedbackDueAt(cal, 'resolve', times({ submittedAt: vn('2026-03-02T09:00:00') }))).toEqual(vn('2026-03-23T09:00:00'));
  });

  it('across 30/4 and 1/5: Wednesday 29/4 10:00 + 16 h → Tuesday 5/5 10:00', () => {
    // Wed 10:00–11:30 1.5 h + 13:30–17:30 4 h = 5.5 h; Thu 30/4 and Fri 1/5 holidays, weekend; Mon 8 h → 13.5 h; Tue 07:30 + 2.5 h
    expect(feedbackDueAt(cal, 'refuse', times({ submittedAt: vn('2026-04-29T10:00:00') }))).toEqual(vn('2026-05-05T10:00:00'));
  });

  it('sent on a Saturday: the clock starts Monday 07:30, two days end Tuesday 17:30', () => {
    expect(feedbackDueAt(cal, 'refuse', times({ submittedAt: vn('2026-03-07T10:00:00') }))).toEqual(vn('2026-03-10T17:30:00'));
  });

  it('publish ≤ 2 days from the resolution: Friday 16:00 → Tuesday 16:00; none before it is resolved', () => {
    // Fri 16:00–17:30 1.5 h; Mon 8 h → 9.5 h; Tue 07:30–11:30 4 h → 13.5 h, 13:30 + 2.5 h = 16:00
    expect(feedbackDueAt(cal, 'publish', times({ submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: vn('2026-03-06T16:00:00'), state: 'resolved' }))).toEqual(vn('2026-03-10T16:00:00'));
    expect(feedbackDueAt(cal, 'publish', times({ submittedAt: vn('2026-03-02T09:00:00') }))).toBeNull();
  });

  it('on time up to and including the due instant', () => {
    const due = vn('2026-03-04T09:00:00');
    expect(isOnTime(vn('2026-03-04T09:00:00'), due)).toBe(true);
    expect(isOnTime(vn('2026-03-04T09:01:00'), due)).toBe(false);
  });

  it('the pending deadline follows the state', () => {
    const t = { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: vn('2026-03-06T16:00:00') };
    expect(pendingDeadline(cal, times({ ...t, resolvedAt: null }))).toEqual({ action: 'resolve', dueAt: vn('2026-03-23T09:00:00') });
    expect(pendingDeadline(cal, times({ ...t, state: 'resolved' }))).toEqual({ action: 'publish', dueAt: vn('2026-03-10T16:00:00') });
    expect(pendingDeadline(cal, times({ ...t, resolvedAt: null, state: 'more_info' }))).toBeNull();
    expect(pendingDeadline(cal, times({ ...t, state: 'published' }))).toBeNull();
  });

  it('the overdue cutoff: started at or before it, the deadline has passed', () => {
    // at Wednesday 4/3 09:00 a 2-day deadline passed for anything started before Monday 2/3 09:00
    const now = vn('2026-03-04T09:00:00');
    const cutoff = overdueStartCutoff(cal, now, 2);
    expect(cutoff.getTime()).toBe(vn('2026-03-02T09:00:00').getTime() - 1);
    // on a Monday morning at 08:00, anything started before the previous Thursday 08:00 is two days late
    const cutoff2 = overdueStartCutoff(cal, vn('2026-03-09T08:00:00'), 2);
    expect(cutoff2.getTime()).toBe(vn('2026-03-05T08:00:00').getTime() - 1);
  });
});

describe('the wait for the sender does not count against the resolve deadline', () => {
  // submitted Monday 2/3/2026 09:00, more asked Tuesday 3/3 10:00, supplied the next Monday 9/3 10:00
  const submittedAt = vn('2026-03-02T09:00:00');

  it('counts the working minutes of the wait across the weekend', () => {
    // Tue 10:00–11:30 1.5 h + 13:30–17:30 4 h; Wed, Thu, Fri 8 h each; Sat, Sun none; Mon 07:30–10:00 2.5 h → 32 h
    expect(infoWaitMinutes(cal, vn('2026-03-03T10:00:00'), vn('2026-03-09T10:00:00'))).toBe(32 * 60);
    // asked Friday 16:00, answered on Saturday: only Friday 16:00–17:30 counts
    expect(infoWaitMinutes(cal, vn('2026-03-06T16:00:00'), vn('2026-03-07T09:00:00'))).toBe(90);
    // answered during the lunch break the same day: 10:00–11:30
    expect(infoWaitMinutes(cal, vn('2026-03-03T10:00:00'), vn('2026-03-03T12:15:00'))).toBe(90);
    expect(infoWaitMinutes(cal, null, vn('2026-03-09T10:00:00'))).toBe(0);
  });

  it('moves the resolve deadline by exactly the time waited: 32 h = 4 working days, Monday 23/3 → Friday 27/3 09:00', () => {
    const due = feedbackDueAt(cal, 'resolve', times({ submittedAt, infoWaitMinutes: 32 * 60 }));
    expect(due).toEqual(vn('2026-03-27T09:00:00'));
    expect(cal.workingHoursBetween(vn('2026-03-23T09:00:00'), due!)).toBe(32);
    expect(pendingDeadline(cal, times({ submittedAt, infoWaitMinutes: 32 * 60 }))).toEqual({ action: 'resolve', dueAt: vn('2026-03-27T09:00:00') });
  });

  it('adds a wait that is not whole days: 19 h from Monday 23/3 09:00 → Wednesday 25/3 14:00', () => {
    // asked Tue 3/3 10:00, supplied Thu 5/3 15:00: Tue 5.5 h + Wed 8 h + Thu 07:30–11:30 4 h and 13:30–15:00 1.5 h = 19 h
    const waited = infoWaitMinutes(cal, vn('2026-03-03T10:00:00'), vn('2026-03-05T15:00:00'));
    expect(waited).toBe(19 * 60);
    // Mon 09:00–17:30 6.5 h; Tue 8 h → 14.5 h; Wed 07:30–11:30 4 h → 18.5 h, 13:30 + 0.5 h
    expect(feedbackDueAt(cal, 'resolve', times({ submittedAt, infoWaitMinutes: waited }))).toEqual(vn('2026-03-25T14:00:00'));
  });

  it('has no resolve deadline while waiting; refusing and asking keep theirs from the submission', () => {
    const waiting = times({ submittedAt, state: 'more_info', infoWaitMinutes: 60 });
    expect(feedbackDueAt(cal, 'resolve', waiting)).toBeNull();
    expect(pendingDeadline(cal, waiting)).toBeNull();
    expect(feedbackDueAt(cal, 'refuse', waiting)).toEqual(vn('2026-03-04T09:00:00'));
    const answered = times({ submittedAt, infoWaitMinutes: 32 * 60 });
    expect(feedbackDueAt(cal, 'refuse', answered)).toEqual(vn('2026-03-04T09:00:00'));
    expect(feedbackDueAt(cal, 'request_info', answered)).toEqual(vn('2026-03-09T09:00:00'));
    // publishing counts from the resolution, not from the moved deadline: Thu 26/3 10:00 + 16 h → Mon 30/3 10:00
    expect(feedbackDueAt(cal, 'publish', times({ submittedAt, state: 'resolved', resolvedAt: vn('2026-03-26T10:00:00'), infoWaitMinutes: 32 * 60 }))).toEqual(vn('2026-03-30T10:00:00'));
  });
});

describe('feedback transitions', () => {
  it('allows only the table', () => {
    expect(canTransition('received', 'resolve')).toBe(true);
    expect(canTransition('received', 'publish')).toBe(false);
    expect(canTransition('resolved', 'publish')).toBe(true);
    expect(canTransition('more_info', 'supply_info')).toBe(true);
    expect(canTransition('more_info', 'resolve')).toBe(false);
    expect(canTransition('more_info', 'refuse')).toBe(true);
    expect(canTransition('published', 'refuse')).toBe(false);
    expect(canTransition('refused', 'resolve')).toBe(false);
  });
});
