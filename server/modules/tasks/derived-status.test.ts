import { describe, expect, it } from 'vitest';
import { deriveStatus, type TimelinessInput } from './derived-status.js';

const TODAY = '2026-03-10';
// two working days after Tuesday 10 March
const SOON = '2026-03-12';
const task = (over: Partial<TimelinessInput>): TimelinessInput => ({ state: 'in_progress', deadline: '2026-03-20', reportedOn: null, completedOn: null, ...over });

describe('deriveStatus', () => {
  it('an open task is on time, due soon within the working days, overdue the day after its deadline', () => {
    expect(deriveStatus(task({ deadline: '2026-03-13' }), TODAY, SOON)).toBe('on_time');
    expect(deriveStatus(task({ deadline: SOON }), TODAY, SOON)).toBe('due_soon');
    expect(deriveStatus(task({ deadline: TODAY }), TODAY, SOON)).toBe('due_soon');
    expect(deriveStatus(task({ deadline: '2026-03-09' }), TODAY, SOON)).toBe('overdue');
    for (const state of ['assigned', 'accepted', 'in_progress'] as const) expect(deriveStatus(task({ state, deadline: '2026-03-01' }), TODAY, SOON)).toBe('overdue');
  });

  it('confirmed done is judged by the day it was reported, not the day it was confirmed', () => {
    expect(deriveStatus(task({ state: 'confirmed_done', deadline: '2026-03-05', completedOn: '2026-03-05' }), TODAY, SOON)).toBe('done_on_time');
    expect(deriveStatus(task({ state: 'confirmed_done', deadline: '2026-03-05', completedOn: '2026-03-06' }), TODAY, SOON)).toBe('done_late');
    // long after the deadline it stays done on time
    expect(deriveStatus(task({ state: 'confirmed_done', deadline: '2026-01-05', completedOn: '2026-01-02' }), TODAY, SOON)).toBe('done_on_time');
  });

  it('a report waiting for confirmation stops the clock at its day', () => {
    expect(deriveStatus(task({ state: 'reported_done', deadline: '2026-03-05', reportedOn: '2026-03-04' }), TODAY, SOON)).toBe('on_time');
    expect(deriveStatus(task({ state: 'reported_done', deadline: '2026-03-05', reportedOn: '2026-03-06' }), TODAY, SOON)).toBe('overdue');
  });
});
