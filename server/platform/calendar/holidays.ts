/**
 * Statutory public holidays of Việt Nam for one Gregorian year.
 *
 * Labor Code 45/2019/QH14, art. 112(1): 11 paid days off —
 *   Tết Dương lịch 1/1 (1 day), Tết Âm lịch (5 days), Ngày Chiến thắng 30/4,
 *   Quốc tế Lao động 1/5, Quốc khánh 2/9 plus one adjacent day, and
 *   Giỗ Tổ Hùng Vương 10/3 lunar.
 * Art. 111(3): when a holiday falls on the weekly rest day, the worker gets a
 *   compensatory day off on the next working day. For civil servants (the
 *   users of this system) both Saturday and Sunday are weekly rest days.
 * Art. 112(3): the Prime Minister sets the exact Tết span and the National
 *   Day extra day every year; the ministry also announces bridge-day swaps.
 *   That is *data*, captured as {@link CalendarOverride}s edited by an admin.
 */
import { formatDate, fromDayNumber, toDayNumber, weekdayOfDayNumber } from './date-only.js';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, lunarToSolar, solarToLunar } from './lunar.js';

/** 'public' = art. 112 day, 'compensatory' = art. 111(3) nghỉ bù, 'swap' = extra day off from an override. */
export type HolidayKind = 'public' | 'compensatory' | 'swap';

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/**
 * A per-year correction published by the government and entered by an admin.
 * `day_off`: an extra day off (bridge day, or a Tết day the default rules miss).
 * `working_day`: a make-up working Saturday, or cancelling a default day off.
 */
export interface CalendarOverride {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

export interface HolidayRules {
  /** Tết days before lunar 1/1 (taken from the end of the old lunar year). */
  tetDaysBefore: number;
  /** Tết days after lunar 1/1 (lunar 1/1 itself is always a holiday). */
  tetDaysAfter: number;
  /** Whether the second Quốc khánh day is 1/9 ('before') or 3/9 ('after'). */
  nationalDayExtra: 'before' | 'after';
}

/**
 * Defaults for when no decision is entered: Tết = last day of the lunar year
 * plus lunar 1/1–4/1 (5 days, art. 112(1)(b)); Quốc khánh = 2/9 and 3/9.
 * These are only a best guess: the exact spans are set yearly by the Prime
 * Minister (art. 112(3)) and must be corrected with overrides when they differ.
 */
export const DEFAULT_HOLIDAY_RULES: Readonly<HolidayRules> = Object.freeze({
  tetDaysBefore: 1,
  tetDaysAfter: 3,
  nationalDayExtra: 'after',
});

const MAX_TET_SIDE_DAYS = 10;

export function validateHolidayRules(rules: HolidayRules): void {
  for (const key of ['tetDaysBefore', 'tetDaysAfter'] as const) {
    const value = rules[key];
    if (!Number.isInteger(value) || value < 0 || value > MAX_TET_SIDE_DAYS) {
      throw new RangeError(`${key} must be an integer 0-${MAX_TET_SIDE_DAYS}: ${value}`);
    }
  }
  if (rules.nationalDayExtra !== 'before' && rules.nationalDayExtra !== 'after') {
    throw new RangeError(`nationalDayExtra must be 'before' or 'after': ${String(rules.nationalDayExtra)}`);
  }
}

/** "Tết Nguyên đán (30 tháng Chạp)", "Tết Nguyên đán (mùng 1 tháng Giêng)", … */
function tetDayName(date: string): string {
  const lunar = solarToLunar(date);
  const leap = lunar.leap ? ' nhuận' : '';
  if (lunar.month === 1) return `Tết Nguyên đán (mùng ${lunar.day} tháng Giêng${leap})`;
  if (lunar.month === 12) return `Tết Nguyên đán (${lunar.day} tháng Chạp${leap})`;
  return `Tết Nguyên đán (${lunar.day}/${lunar.month}${leap} âm lịch)`;
}

/** The art. 112(1) days of `year`, without compensatory days. */
function publicHolidays(year: number, rules: HolidayRules): Holiday[] {
  const day = (month: number, d: number): string => formatDate(year, month, d);
  const list: Holiday[] = [{ date: day(1, 1), name: 'Tết Dương lịch', kind: 'public' }];

  const newYear = toDayNumber(lunarToSolar({ day: 1, month: 1, year, leap: false }));
  for (let offset = -rules.tetDaysBefore; offset <= rules.tetDaysAfter; offset++) {
    const date = fromDayNumber(newYear + offset);
    list.push({ date, name: tetDayName(date), kind: 'public' });
  }

  list.push({
    date: lunarToSolar({ day: 10, month: 3, year, leap: false }),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    kind: 'public',
  });
  list.push({ date: day(4, 30), name: 'Ngày Chiến thắng (30/4)', kind: 'public' });
  list.push({ date: day(5, 1), name: 'Quốc tế Lao động (1/5)', kind: 'public' });
  list.push({ date: day(9, 2), name: 'Quốc khánh (2/9)', kind: 'public' });
  list.push(
    rules.nationalDayExtra === 'before'
      ? { date: day(9, 1), name: 'Quốc khánh (1/9)', kind: 'public' }
      : { date: day(9, 3), name: 'Quốc khánh (3/9)', kind: 'public' },
  );

  // Giỗ Tổ (10/3 lunar) can coincide with 30/4 (in 1900–2100 only in 1947). The
  // Code grants no extra day for coinciding holidays, so they share one date
  // and one combined name; a government decision, if any, comes as an override.
  const prefix = `${String(year).padStart(4, '0')}-`;
  const unique = new Map<string, Holiday>();
  for (const h of list) {
    if (!h.date.startsWith(prefix)) continue; // only reachable with absurd Tết spans
    const existing = unique.get(h.date);
    unique.set(h.date, existing ? { ...existing, name: `${existing.name}; ${h.name}` } : h);
  }
  return [...unique.values()].sort(byDate);
}

export function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

/**
 * Public + compensatory days of `year`. `extraDaysOff` are further non-working
 * dates (e.g. override swap days) that a compensatory day must not land on,
 * because art. 111(3) moves it to the next *working* day.
 */
export function holidaysWithCompensation(
  year: number,
  rules: HolidayRules,
  extraDaysOff: ReadonlySet<string> = new Set(),
): Holiday[] {
  validateHolidayRules(rules);
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year ${year} outside supported range ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`);
  }
  const publics = publicHolidays(year, rules);
  const taken = new Set<string>([...publics.map((h) => h.date), ...extraDaysOff]);
  const result = [...publics];
  // In date order, so that a run of holidays across a weekend (e.g. 30/4 Sat +
  // 1/5 Sun) yields consecutive compensatory days after the run (2/5, 3/5).
  for (const holiday of publics) {
    const dayNumber = toDayNumber(holiday.date);
    if (!isWeekend(dayNumber)) continue;
    let candidate = dayNumber + 1;
    while (isWeekend(candidate) || taken.has(fromDayNumber(candidate))) candidate += 1;
    const date = fromDayNumber(candidate);
    taken.add(date);
    result.push({ date, name: `Nghỉ bù ${holiday.name}`, kind: 'compensatory' });
  }
  return result.sort(byDate);
}

/** Art. 112 public holidays plus art. 111(3) compensatory days of `year`, sorted by date. */
export function statutoryHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): Holiday[] {
  return holidaysWithCompensation(year, rules);
}
