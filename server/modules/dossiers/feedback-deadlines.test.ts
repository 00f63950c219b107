import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/index.js';
import { canTransition, feedbackDueAt, isOnTime, overdueStartCutoff, pendingDeadline } from './feedback-deadlines.js';

const cal = new WorkCalendar({ overrides: [] });
const vn = (s: string) => new Date(`${s}+07:00`);

describe('feedback deadlines (working hours from the submission, 8 h a day)', () => {
  it('refuse ≤ 2 days: Monday 09:00 → Wednesday 09:00', () => {
    expect(feedbackDueAt(cal, 'refuse', { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: null })).toEqual(vn('2026-03-04T09:00:00'));
  });

  it('ask for more ≤ 5 days: Monday 09:00 → the next Monday 09:00', () => {
    expect(feedbackDueAt(cal, 'request_info', { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: null })).toEqual(vn('2026-03-09T09:00:00'));
  });

  it('resolve ≤ 15 days: Monday 09:00 → three weeks later, Monday 09:00', () => {
    expect(feedbackDueAt(cal, 'resolve', { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: null })).toEqual(vn('2026-03-23T09:00:00'));
  });

  it('across 30/4 and 1/5: Wednesday 29/4 10:00 + 16 h → Tuesday 5/5 10:00', () => {
    // Wed 10:00–11:30 1.5 h + 13:30–17:30 4 h = 5.5 h; Thu 30/4 and Fri 1/5 holidays, weekend; Mon 8 h → 13.5 h; Tue 07:30 + 2.5 h
    expect(feedbackDueAt(cal, 'refuse', { submittedAt: vn('2026-04-29T10:00:00'), resolvedAt: null })).toEqual(vn('2026-05-05T10:00:00'));
  });

  it('sent on a Saturday: the clock starts Monday 07:30, two days end Tuesday 17:30', () => {
    expect(feedbackDueAt(cal, 'refuse', { submittedAt: vn('2026-03-07T10:00:00'), resolvedAt: null })).toEqual(vn('2026-03-10T17:30:00'));
  });

  it('publish ≤ 2 days from the resolution: Friday 16:00 → Tuesday 16:00; none before it is resolved', () => {
    // Fri 16:00–17:30 1.5 h; Mon 8 h → 9.5 h; Tue 07:30–11:30 4 h → 13.5 h, 13:30 + 2.5 h = 16:00
    expect(feedbackDueAt(cal, 'publish', { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: vn('2026-03-06T16:00:00') })).toEqual(vn('2026-03-10T16:00:00'));
    expect(feedbackDueAt(cal, 'publish', { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: null })).toBeNull();
  });

  it('on time up to and including the due instant', () => {
    const due = vn('2026-03-04T09:00:00');
    expect(isOnTime(vn('2026-03-04T09:00:00'), due)).toBe(true);
    expect(isOnTime(vn('2026-03-04T09:01:00'), due)).toBe(false);
  });

  it('the pending deadline follows the state', () => {
    const times = { submittedAt: vn('2026-03-02T09:00:00'), resolvedAt: vn('2026-03-06T16:00:00') };
    expect(pendingDeadline(cal, 'received', times)).toEqual({ action: 'resolve', dueAt: vn('2026-03-23T09:00:00') });
    expect(pendingDeadline(cal, 'resolved', times)).toEqual({ action: 'publish', dueAt: vn('2026-03-10T16:00:00') });
    expect(pendingDeadline(cal, 'more_info', times)).toBeNull();
    expect(pendingDeadline(cal, 'published', times)).toBeNull();
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
