import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './date-only.js';
import { DEFAULT_HOLIDAY_RULES, type Holiday, statutoryHolidays } from './holidays.js';

const dates = (list: Holiday[], kind?: Holiday['kind']): string[] =>
  list.filter((h) => kind === undefined || h.kind === kind).map((h) => h.date);

describe('statutoryHolidays (Labor Code 2019 art. 112 + art. 111(3))', () => {
  it('2026 with default rules', () => {
    const list = statutoryHolidays(2026);
    expect(list).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'public' },
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'public' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', kind: 'public' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)', kind: 'public' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)', kind: 'public' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)', kind: 'public' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'public' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'compensatory' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'public' },
      { date: '2026-05-01', name: 'Quốc tế Lao động (1/5)', kind: 'public' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'public' },
      { date: '2026-09-03', name: 'Quốc khánh (3/9)', kind: 'public' },
    ]);
    expect(dayOfWeek('2026-04-26')).toBe(0);
    expect(dates(list, 'public')).toHaveLength(11); // art. 112(1): 11 days
  });

  it('rolls consecutive compensatory days past a run across a weekend (2022: 30/4 Sat, 1/5 Sun)', () => {
    const list = statutoryHolidays(2022);
    expect(dates(list, 'compensatory')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-05']);
    expect(list.find((h) => h.date === '2022-05-02')?.name).toBe('Nghỉ bù Ngày Chiến thắng (30/4)');
    expect(list.find((h) => h.date === '2022-05-03')?.name).toBe('Nghỉ bù Quốc tế Lao động (1/5)');
    expect(list.find((h) => h.date === '2022-09-05')?.name).toBe('Nghỉ bù Quốc khánh (3/9)');
  });

  it('pushes Tết compensatory days to after the whole Tết run (2024: 1/1 lunar on Saturday)', () => {
    const list = statutoryHolidays(2024);
    expect(dates(list).slice(1, 8)).toEqual([
      '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15',
    ]);
    expect(list.find((h) => h.date === '2024-02-09')?.name).toBe('Tết Nguyên đán (30 tháng Chạp)');
    expect(dates(list, 'compensatory').slice(0, 2)).toEqual(['2024-02-14', '2024-02-15']);
  });

  it('honours rules: Tết span and National Day extra day before', () => {
    const list = statutoryHolidays(2026, { tetDaysBefore: 2, tetDaysAfter: 4, nationalDayExtra: 'before' });
    const tet = list.filter((h) => h.name.startsWith('Tết Nguyên đán'));
    expect(tet.map((h) => h.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21',
    ]);
    expect(list.find((h) => h.date === '2026-02-15')?.name).toBe('Tết Nguyên đán (28 tháng Chạp)');
    // 15/2 Sun and 21/2 Sat → next free weekdays after the run: 23/2 and 24/2.
    expect(dates(list, 'compensatory')).toContain('2026-02-23');
    expect(dates(list, 'compensatory')).toContain('2026-02-24');
    expect(dates(list).filter((d) => d.startsWith('2026-09'))).toEqual(['2026-09-01', '2026-09-02']);
    expect(() => statutoryHolidays(2026, { ...DEFAULT_HOLIDAY_RULES, tetDaysAfter: -1 })).toThrow(RangeError);
    expect(() => statutoryHolidays(2026, { ...DEFAULT_HOLIDAY_RULES, tetDaysAfter: 1.5 })).toThrow(RangeError);
  });

  it('merges coinciding holidays into one day (1947: 10/3 lunar = 30/4)', () => {
    const day = statutoryHolidays(1947).filter((h) => h.date === '1947-04-30');
    expect(day).toEqual([
      { date: '1947-04-30', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)', kind: 'public' },
    ]);
  });

  it('is sorted, duplicate-free and never puts a compensatory day on a weekend, 1900–2100', () => {
    for (let year = 1900; year <= 2100; year++) {
      const list = statutoryHolidays(year);
      const ds = dates(list);
      expect([...ds].sort()).toEqual(ds);
      expect(new Set(ds).size).toBe(ds.length);
      expect(dates(list, 'public')).toHaveLength(year === 1947 ? 10 : 11);
      const weekendPublics = list.filter((h) => h.kind === 'public' && [0, 6].includes(dayOfWeek(h.date))).length;
      expect(dates(list, 'compensatory')).toHaveLength(weekendPublics);
      for (const d of dates(list, 'compensatory')) expect([0, 6]).not.toContain(dayOfWeek(d));
    }
  });
});
