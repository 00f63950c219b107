import { describe, expect, it } from 'vitest';
import { splitPeriod } from './figures-repo.js';

describe('a period split into whole months and edge days', () => {
  it('reads whole months from the monthly rollup and the rest from the days', () => {
    expect(splitPeriod('2025-07-01', '2026-11-28')).toEqual({ months: ['2025-07-01', '2026-10-01'], days: [['2026-11-01', '2026-11-28']] });
    expect(splitPeriod('2025-11-29', '2026-11-28')).toEqual({ months: ['2025-12-01', '2026-10-01'], days: [['2025-11-29', '2025-11-30'], ['2026-11-01', '2026-11-28']] });
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01-01', '2026-12-01'], days: [] });
    // February of a leap year ends on the 29th
    expect(splitPeriod('2028-02-01', '2028-02-29')).toEqual({ months: ['2028-02-01', '2028-02-01'], days: [] });
    expect(splitPeriod('2028-02-01', '2028-02-28')).toEqual({ months: null, days: [['2028-02-01', '2028-02-28']] });
  });

  it('keeps a period inside one month, or across two partial ones, on the days', () => {
    expect(splitPeriod('2026-03-05', '2026-03-20')).toEqual({ months: null, days: [['2026-03-05', '2026-03-20']] });
    expect(splitPeriod('2026-03-05', '2026-04-20')).toEqual({ months: null, days: [['2026-03-05', '2026-04-20']] });
    expect(splitPeriod('2026-12-15', '2027-01-31')).toEqual({ months: ['2027-01-01', '2027-01-01'], days: [['2026-12-15', '2026-12-31']] });
  });
});
