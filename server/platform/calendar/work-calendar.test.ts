import { describe, expect, it } from 'vitest';
import { addDays } from './date-only.js';
import type { CalendarOverride } from './holidays.js';
import { WorkCalendar } from './work-calendar.js';

const vn = (local: string): Date => new Date(`${local}+07:00`);
const iso = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16); // VN wall clock

// 2025: 30/4 Wed + 1/5 Thu; Fri 2/5 off, worked back on Sat 26/4 (Bộ Nội vụ swap).
const overrides2025: CalendarOverride[] = [
  { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
  { date: '2025-04-26', kind: 'working_day', name: 'làm bù cho thứ Sáu 2/5' },
];

describe('WorkCalendar: days', () => {
  const cal = new WorkCalendar({ overrides: [] });

  it('lists statutory and compensatory holidays without overrides', () => {
    expect(cal.holidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-02', '2026-09-03',
    ]);
  });

  it('applies day_off overrides as swap days and working_day overrides as make-up days', () => {
    const c = new WorkCalendar({ overrides: overrides2025 });
    const may = c.holidays(2025).filter((h) => h.date.startsWith('2025-05'));
    expect(may.map((h) => [h.date, h.kind])).toEqual([
      ['2025-05-01', 'public'],
      ['2025-05-02', 'swap'],
    ]);
    expect(c.isWorkingDay('2025-05-02')).toEqual({ date: '2025-05-02', workingDay: false, reason: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' });
    expect(c.isWorkingDay('2025-04-26')).toEqual({ date: '2025-04-26', workingDay: true, reason: 'Làm bù: làm bù cho thứ Sáu 2/5' });
    expect(c.countWorkingDays('2025-04-21', '2025-05-04')).toBe(5 + 1 + 2); // Mon–Fri, Sat 26, Mon 28–Tue 29
  });

  it('lets a working_day override cancel a default day off and a day_off add one (National Day on 1/9)', () => {
    const c = new WorkCalendar({
      overrides: [
        { date: '2026-09-03', kind: 'working_day', name: 'Quốc khánh nghỉ 1/9 thay cho 3/9' },
        { date: '2026-09-01', kind: 'day_off', name: 'Quốc khánh (1/9)' },
      ],
    });
    const sept = c.holidays(2026).filter((h) => h.date.startsWith('2026-09'));
    expect(sept).toEqual([
      { date: '2026-09-01', name: 'Quốc khánh (1/9)', kind: 'swap' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
    ]);
    expect(c.isWorkingDay('2026-09-03')).toEqual({ date: '2026-09-03', workingDay: true, reason: 'Ngày làm việc: Quốc khánh nghỉ 1/9 thay cho 3/9' });
    expect(c.holidays(2025).some((h) => h.date === '2025-09-01')).toBe(false); // overrides are per date/year
  });

  it('moves a compensatory day past a swap day and never duplicates dates', () => {
    const c = new WorkCalendar({
      overrides: [
        { date: '2026-04-27', kind: 'day_off', name: 'Nghỉ hoán đổi' },
        { date: '2026-04-30', kind: 'day_off', name: 'duplicate of a statutory day' },
      ],
    });
    const april = c.holidays(2026).filter((h) => h.date >= '2026-04-26' && h.date <= '2026-04-30');
    expect(april.map((h) => [h.date, h.kind])).toEqual([
      ['2026-04-26', 'public'],
      ['2026-04-27', 'swap'],
      ['2026-04-28', 'compensatory'],
      ['2026-04-30', 'public'],
    ]);
  });

  it('explains each day in Vietnamese', () => {
    expect(cal.isWorkingDay('2026-02-14')).toEqual({ date: '2026-02-14', workingDay: false, reason: 'Thứ Bảy' });
    expect(cal.isWorkingDay('2026-02-15')).toEqual({ date: '2026-02-15', workingDay: false, reason: 'Chủ nhật' });
    expect(cal.isWorkingDay('2026-02-17')).toEqual({ date: '2026-02-17', workingDay: false, reason: 'Tết Nguyên đán (mùng 1 tháng Giêng)' });
    expect(cal.isWorkingDay('2026-04-27').reason).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(cal.isWorkingDay('2026-04-26').reason).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)'); // holiday name wins over "Chủ nhật"
    expect(cal.isWorkingDay('2026-02-23')).toEqual({ date: '2026-02-23', workingDay: true });
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });

  it('adds working days across Tết, forwards and backwards', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-17', 1)).toBe('2026-02-23'); // from a holiday
    expect(cal.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // Sat, Sun, Mon nghỉ bù
    expect(cal.addWorkingDays('2026-05-04', -2)).toBe('2026-04-28'); // 1/5, 30/4 skipped
    expect(cal.addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04'); // across New Year
  });

  it('returns from unchanged for 0 days and rejects bad day counts', () => {
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', 3651)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', -3651)).toThrow(RangeError);
    expect(cal.addWorkingDays('2026-03-02', 3650) > '2040-01-01').toBe(true);
  });

  it('counts working days with both ends included', () => {
    expect(cal.countWorkingDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(cal.countWorkingDays('2026-03-02', '2026-03-06')).toBe(5);
    expect(cal.countWorkingDays('2026-03-02', '2026-03-08')).toBe(5);
    expect(cal.countWorkingDays('2026-02-17', '2026-02-17')).toBe(0);
    expect(cal.countWorkingDays('2026-02-09', '2026-02-27')).toBe(10); // Tết week excluded
    expect(cal.countWorkingDays('2026-01-01', '2026-01-31')).toBe(21);
    expect(cal.countWorkingDays('2026-03-06', '2026-03-02')).toBe(0);
    expect(cal.countWorkingDays('2025-12-29', '2026-01-05')).toBe(5); // 29–31/12, 2/1, 5/1
  });

  it('agrees with a day-by-day count and with addWorkingDays, 2020–2030', () => {
    const c = new WorkCalendar({ overrides: overrides2025 });
    let naive = 0;
    for (let d = '2020-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) if (c.isWorkingDay(d).workingDay) naive++;
    expect(c.countWorkingDays('2020-01-01', '2030-12-31')).toBe(naive);
    for (const [from, n] of [['2020-01-01', 250], ['2024-12-20', 37], ['2026-02-13', 400]] as const) {
      const to = c.addWorkingDays(from, n);
      expect(c.countWorkingDays(addDays(from, 1), to)).toBe(n);
      // Going back lands on `from` when it is a working day, else on the last working day before it.
      const back = c.isWorkingDay(from).workingDay ? from : c.addWorkingDays(c.addWorkingDays(from, 1), -1);
      expect(c.addWorkingDays(to, -n)).toBe(back);
    }
  });

  it('counts a 10-year span in well under a millisecond per year', () => {
    const c = new WorkCalendar({ overrides: [] });
    c.countWorkingDays('2020-01-01', '2029-12-31'); // builds the per-year tables once
    const runs = 1000;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) c.countWorkingDays('2020-01-01', '2029-12-31');
    const perCall = (performance.now() - t0) / runs;
    expect(perCall).toBeLessThan(0.5); // 10 years → < 0.05 ms per year
  });

  it('validates its configuration', () => {
    expect(() => new WorkCalendar({ overrides: [{ date: '2026-02-30', kind: 'day_off', name: 'x' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [{ date: '2026-02-03', kind: 'holiday' as 'day_off', name: 'x' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [], officeHours: [] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [], officeHours: [{ start: '13:30', end: '11:30' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [], officeHours: [{ start: '7:30', end: '11:30' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [], officeHours: [{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }] })).toThrow(RangeError);
    expect(() => new WorkCalendar({ overrides: [], rules: { tetDaysBefore: 1, tetDaysAfter: 3, nationalDayExtra: 'x' as 'after' } })).toThrow(RangeError);
  });
});

describe('WorkCalendar: hours (Asia/Ho_Chi_Minh, 07:30–11:30 + 13:30–17:30)', () => {
  const cal = new WorkCalendar({ overrides: [] });

  it('has 8 working hours a day by default', () => {
    expect(cal.hoursPerDay).toBe(8);
    expect(iso(cal.addWorkingHours(vn('2026-03-02T07:30'), 8))).toBe('2026-03-02T17:30');
  });

  it('skips the lunch break', () => {
    expect(iso(cal.addWorkingHours(vn('2026-03-02T10:30'), 2))).toBe('2026-03-02T14:30');
    expect(iso(cal.addWorkingHours(vn('2026-03-02T10:30'), 1))).toBe('2026-03-02T11:30');
    expect(iso(cal.addWorkingHours(vn('2026-03-02T12:00'), 1))).toBe('2026-03-02T14:30'); // starts at 13:30
  });

  it('carries over the evening and starts early callers at the opening', () => {
    expect(iso(cal.addWorkingHours(vn('2026-03-02T16:30'), 2))).toBe('2026-03-03T08:30');
    expect(iso(cal.addWorkingHours(vn('2026-03-02T20:00'), 2))).toBe('2026-03-03T09:30');
    expect(iso(cal.addWorkingHours(vn('2026-03-03T06:00'), 1))).toBe('2026-03-03T08:30');
  });

  it('skips weekends and holidays', () => {
    expect(iso(cal.addWorkingHours(vn('2026-03-06T16:30'), 2))).toBe('2026-03-09T08:30'); // Fri → Mon
    expect(iso(cal.addWorkingHours(vn('2026-03-07T10:00'), 1))).toBe('2026-03-09T08:30'); // from Saturday
    expect(iso(cal.addWorkingHours(vn('2026-04-24T17:00'), 1))).toBe('2026-04-28T08:00'); // Mon 27/4 nghỉ bù
    expect(iso(cal.addWorkingHours(vn('2026-02-13T15:30'), 8))).toBe('2026-02-23T15:30'); // across Tết
    expect(iso(cal.addWorkingHours(vn('2026-03-02T07:30'), 40))).toBe('2026-03-06T17:30');
  });

  it('accepts fractional hours to the minute and 0 hours', () => {
    expect(iso(cal.addWorkingHours(vn('2026-03-02T11:00'), 1.5))).toBe('2026-03-02T14:30');
    expect(iso(cal.addWorkingHours(vn('2026-03-02T08:00'), 0.25))).toBe('2026-03-02T08:15');
    expect(iso(cal.addWorkingHours(vn('2026-03-02T08:00'), 1 / 60))).toBe('2026-03-02T08:01');
    const start = vn('2026-03-07T10:00');
    expect(cal.addWorkingHours(start, 0).getTime()).toBe(start.getTime());
    expect(() => cal.addWorkingHours(start, -1)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(start, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(new Date('x'), 1)).toThrow(RangeError);
  });

  it('interprets instants in Việt Nam time regardless of how they were written', () => {
    // 2026-03-02T00:30Z = 07:30 in Hà Nội.
    expect(cal.addWorkingHours(new Date('2026-03-02T00:30:00Z'), 1).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });

  it('measures working hours between two instants', () => {
    expect(cal.workingHoursBetween(vn('2026-03-02T10:30'), vn('2026-03-02T14:30'))).toBe(2);
    expect(cal.workingHoursBetween(vn('2026-03-06T16:30'), vn('2026-03-09T08:30'))).toBe(2);
    expect(cal.workingHoursBetween(vn('2026-02-13T15:30'), vn('2026-02-23T15:30'))).toBe(8);
    expect(cal.workingHoursBetween(vn('2026-03-02T07:30'), vn('2026-03-06T17:30'))).toBe(40);
    expect(cal.workingHoursBetween(vn('2026-03-02T08:00'), vn('2026-03-02T08:20'))).toBeCloseTo(1 / 3, 10);
    expect(cal.workingHoursBetween(vn('2026-03-07T08:00'), vn('2026-03-08T17:00'))).toBe(0);
    expect(cal.workingHoursBetween(vn('2026-03-03T08:00'), vn('2026-03-02T08:00'))).toBe(0);
    expect(cal.workingHoursBetween(vn('2026-01-01T00:00'), vn('2027-01-01T00:00'))).toBe(8 * cal.countWorkingDays('2026-01-01', '2026-12-31'));
  });

  it('is the inverse of addWorkingHours for starts inside office hours', () => {
    for (const [start, hours] of [['2026-02-12T09:10', 17.5], ['2026-04-29T16:00', 3.25], ['2026-12-31T11:00', 100]] as const) {
      const s = vn(start);
      expect(cal.workingHoursBetween(s, cal.addWorkingHours(s, hours))).toBe(hours);
    }
  });

  it('supports configurable office hours', () => {
    const c = new WorkCalendar({ overrides: [], officeHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] });
    expect(c.hoursPerDay).toBe(8);
    expect(iso(c.addWorkingHours(vn('2026-03-02T11:00'), 1))).toBe('2026-03-02T14:00');
    expect(iso(c.addWorkingHours(vn('2026-03-02T16:30'), 1))).toBe('2026-03-03T07:30');
    const saturdayMorning = new WorkCalendar({ overrides: [], officeHours: [{ start: '08:00', end: '12:00' }] });
    expect(saturdayMorning.hoursPerDay).toBe(4);
  });
});
