import { describe, expect, it } from 'vitest';
import { addDays } from './date-only.js';
import { type LunarDate, leapMonthOf, lunarToSolar, solarToLunar } from './lunar.js';

const lunar = (day: number, month: number, year: number, leap = false): LunarDate => ({ day, month, year, leap });

describe('Vietnamese lunar calendar (UTC+7)', () => {
  // Tết (lunar 1/1). 2030 is 02-02 in Việt Nam: the new moon is 2030-02-02 16:07 UT,
  // i.e. 23:07 in Hà Nội but 00:07 on 02-03 in Beijing — 02-03 is the Chinese date.
  const tet: Record<number, string> = {
    2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16',
    2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01',
    2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17',
    2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-02',
  };
  it.each(Object.entries(tet))('Tết %s is %s', (year, date) => {
    expect(lunarToSolar(lunar(1, 1, Number(year)))).toBe(date);
    expect(solarToLunar(date)).toEqual(lunar(1, 1, Number(year)));
    expect(solarToLunar(addDays(date, -1)).month).toBe(12);
  });

  const hungKings: Record<number, string> = {
    2015: '2015-04-28', 2016: '2016-04-16', 2017: '2017-04-06', 2018: '2018-04-25',
    2019: '2019-04-14', 2020: '2020-04-02', 2021: '2021-04-21', 2022: '2022-04-10',
    2023: '2023-04-29', 2024: '2024-04-18', 2025: '2025-04-07', 2026: '2026-04-26',
  };
  it.each(Object.entries(hungKings))('Giỗ Tổ Hùng Vương (10/3) %s is %s', (year, date) => {
    expect(lunarToSolar(lunar(10, 3, Number(year)))).toBe(date);
    expect(solarToLunar(date)).toEqual(lunar(10, 3, Number(year)));
  });

  it('uses the Vietnamese time zone where it differs from the Chinese (UTC+8) calendar', () => {
    expect(lunarToSolar(lunar(1, 1, 1985))).toBe('1985-01-21'); // China: 1985-02-20
    expect(leapMonthOf(1984)).toBe(0); // China had a leap month 10 in 1984
    expect(lunarToSolar(lunar(1, 1, 2007))).toBe('2007-02-17'); // China: 2007-02-18
    expect(solarToLunar('2007-02-17')).toEqual(lunar(1, 1, 2007));
  });

  it('places leap months', () => {
    expect(solarToLunar('2023-02-20')).toEqual(lunar(1, 2, 2023));
    expect(solarToLunar('2023-03-22')).toEqual(lunar(1, 2, 2023, true));
    expect(solarToLunar('2020-05-23')).toEqual(lunar(1, 4, 2020, true));
    expect(lunarToSolar(lunar(1, 2, 2023, true))).toBe('2023-03-22');
    expect(lunarToSolar(lunar(1, 4, 2020, true))).toBe('2020-05-23');
    const leaps: Record<number, number> = {
      2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5,
    };
    for (const [year, month] of Object.entries(leaps)) expect(leapMonthOf(Number(year)), year).toBe(month);
    for (const year of [2021, 2022, 2024, 2026, 2027]) expect(leapMonthOf(year)).toBe(0);
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(lunar(1, 2, 2024, true))).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(lunar(1, 4, 2023, true))).toThrow(RangeError); // 2023 leaps month 2, not 4
    expect(solarToLunar('2026-02-16')).toEqual(lunar(29, 12, 2025)); // Chạp of Ất Tỵ has 29 days
    expect(() => lunarToSolar(lunar(30, 12, 2025))).toThrow(RangeError);
    expect(lunarToSolar(lunar(30, 12, 2023))).toBe('2024-02-09'); // …but Chạp of Quý Mão has 30
    expect(() => lunarToSolar(lunar(0, 1, 2025))).toThrow(RangeError);
    expect(() => lunarToSolar(lunar(31, 1, 2025))).toThrow(RangeError);
    expect(() => lunarToSolar(lunar(1, 13, 2025))).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
  });

  it('round-trips every day of 2000–2040 and advances one lunar day at a time', () => {
    let previous: LunarDate | undefined;
    for (let date = '2000-01-01'; date <= '2040-12-31'; date = addDays(date, 1)) {
      const l = solarToLunar(date);
      expect(lunarToSolar(l)).toBe(date);
      if (previous) {
        if (l.day === 1) {
          expect(previous.day === 29 || previous.day === 30).toBe(true);
        } else {
          expect(l).toEqual({ ...previous, day: previous.day + 1 });
        }
      }
      previous = l;
    }
  });

  it('covers 1900–2100', () => {
    expect(solarToLunar('1900-01-31')).toEqual(lunar(1, 1, 1900));
    for (const date of ['1900-01-01', '1950-06-15', '2100-12-31']) expect(lunarToSolar(solarToLunar(date))).toBe(date);
    expect(lunarToSolar(lunar(1, 1, 2100))).toMatch(/^2100-0[12]-/);
  });
});
