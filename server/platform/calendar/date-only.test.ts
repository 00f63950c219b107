import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, formatDate, fromDayNumber, isValidDate, parseDate, toDayNumber, vietnamDate } from './date-only.js';

describe('date-only', () => {
  it('parses valid dates and rejects impossible ones with a RangeError', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-30', '2023-02-29', '2100-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '20250101', '', '2025-01-01T00:00']) {
      expect(() => parseDate(bad), bad).toThrow(RangeError);
      expect(isValidDate(bad)).toBe(false);
    }
    expect(isValidDate('2000-02-29')).toBe(true);
  });

  it('converts to and from day numbers (1970-01-01 = 0)', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(toDayNumber('1900-01-01')).toBe(-25_567);
    for (let n = -60_000; n <= 60_000; n += 37) expect(toDayNumber(fromDayNumber(n))).toBe(n);
    // Agrees with the platform's own Gregorian calendar.
    for (let n = -50_000; n <= 80_000; n += 101) expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-02-17', 0)).toBe('2026-02-17');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('gives the day of week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-02-17')).toBe(2); // Tuesday, Tết Bính Ngọ
    expect(dayOfWeek('2026-04-26')).toBe(0); // Sunday
    expect(dayOfWeek('2022-04-30')).toBe(6); // Saturday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
  });

  it('formats with zero padding', () => {
    expect(formatDate(2026, 2, 3)).toBe('2026-02-03');
  });

  it('takes the calendar day in Asia/Ho_Chi_Minh (UTC+7), not UTC or the server zone', () => {
    expect(vietnamDate(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16');
    expect(vietnamDate(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17'); // 00:00 in Hà Nội
    expect(vietnamDate(new Date('2026-02-17T06:00:00+07:00'))).toBe('2026-02-17'); // toISOString() would say 16th
    expect(vietnamDate(new Date('2026-07-01T23:30:00+07:00'))).toBe('2026-07-01'); // no DST in summer
    expect(() => vietnamDate(new Date('nope'))).toThrow(RangeError);
  });
});
