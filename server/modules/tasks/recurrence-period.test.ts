import { describe, expect, it } from 'vitest';
import { nextDeadline, periodLabel } from './recurrence-period.js';

describe('periods of a recurring task', () => {
  it('names the period its deadline falls in', () => {
    expect(periodLabel('monthly', '2026-12-25')).toBe('Tháng 12/2026');
    expect(periodLabel('monthly', '2027-01-05')).toBe('Tháng 1/2027');
    expect(periodLabel('quarterly', '2026-12-25')).toBe('Quý IV/2026');
    expect(periodLabel('quarterly', '2026-01-01')).toBe('Quý I/2026');
    expect(periodLabel('quarterly', '2026-06-30')).toBe('Quý II/2026');
    expect(periodLabel('quarterly', '2026-07-01')).toBe('Quý III/2026');
    expect(periodLabel('yearly', '2026-12-31')).toBe('Năm 2026');
  });

  it('advances one period on the series day, clamped to the month end without drifting', () => {
    expect(nextDeadline('monthly', '2026-12-25', 25)).toBe('2027-01-25');
    expect(nextDeadline('monthly', '2027-01-31', 31)).toBe('2027-02-28');
    expect(nextDeadline('monthly', '2027-02-28', 31)).toBe('2027-03-31');
    expect(nextDeadline('monthly', '2028-01-31', 31)).toBe('2028-02-29');
    expect(nextDeadline('quarterly', '2026-11-30', 30)).toBe('2027-02-28');
    expect(nextDeadline('quarterly', '2027-02-28', 30)).toBe('2027-05-30');
    expect(nextDeadline('yearly', '2028-02-29', 29)).toBe('2029-02-28');
    expect(nextDeadline('yearly', '2029-02-28', 29)).toBe('2030-02-28');
  });
});
