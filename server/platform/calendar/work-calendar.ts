/**
 * Working-day / working-hour calendar of a Vietnamese state agency.
 *
 * Working week Monday–Friday (Saturday and Sunday are the weekly rest days of
 * civil servants), minus the Labor Code art. 112 holidays, art. 111(3)
 * compensatory days and the yearly government swaps entered as overrides.
 * Processing deadlines of administrative procedures are counted in working
 * days / working hours (8 h a day), so this is the clock of every dossier.
 *
 * All dates are `YYYY-MM-DD` calendar days in Việt Nam; all instants are JS
 * `Date`s read in Asia/Ho_Chi_Minh (fixed UTC+7, no DST).
 */
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  dayNumberFromParts,
  fromDayNumber,
  instantFromVietnamLocalMs,
  parseDate,
  partsFromDayNumber,
  toDayNumber,
  vietnamLocalMs,
  weekdayOfDayNumber,
} from './date-only.js';
import {
  type CalendarOverride,
  DEFAULT_HOLIDAY_RULES,
  type Holiday,
  type HolidayRules,
  byDate,
  holidaysWithCompensation,
  validateHolidayRules,
} from './holidays.js';

export interface OfficeHours {
  start: string; // HH:MM, Vietnam time
  end: string; // HH:MM, exclusive; "24:00" allowed
}

export interface WorkCalendarOptions {
  overrides: CalendarOverride[];
  rules?: HolidayRules;
  officeHours?: OfficeHours[];
}

export interface WorkingDayInfo {
  date: string;
  workingDay: boolean;
  reason?: string;
}

/** 07:30–11:30 and 13:30–17:30: the usual 8-hour day of provincial agencies. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = Object.freeze([
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:30' },
]);

/** Upper bound for day offsets: ten years is far beyond any statutory time limit. */
export const MAX_WORKING_DAYS = 3650;
const MAX_WORKING_HOURS = MAX_WORKING_DAYS * 24;

interface YearData {
  firstDay: number; // day number of 1 January
  holidays: Holiday[];
  holidayByDate: Map<string, Holiday>;
  working: Uint8Array; // 1 = working day, indexed by day of year
  cumulative: Int32Array; // cumulative[i] = working days among the first i days
}

interface Interval {
  start: number; // minutes from local midnight
  end: number;
}

function parseClock(value: string, allowMidnightEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  const max = allowMidnightEnd ? 24 * 60 : 24 * 60 - 1;
  if (!match || Number(match[2]) > 59 || !(minutes <= max)) throw new RangeError(`Invalid time of day: ${value}`);
  return minutes;
}

function parseOfficeHours(hours: readonly OfficeHours[]): Interval[] {
  if (hours.length === 0) throw new RangeError('officeHours must contain at least one interval');
  const intervals = hours.map((h) => ({ start: parseClock(h.start, false), end: parseClock(h.end, true) }));
  intervals.forEach((interval, i) => {
    const previous = intervals[i - 1];
    if (interval.end <= interval.start) throw new RangeError(`Office hours end before start: ${JSON.stringify(hours[i])}`);
    if (previous && interval.start < previous.end) throw new RangeError('Office hours must be sorted and not overlap');
  });
  return intervals;
}

export class WorkCalendar {
  private readonly rules: HolidayRules;
  private readonly intervals: Interval[];
  private readonly dayMs: number;
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly overridesByYear = new Map<number, CalendarOverride[]>();
  private readonly years = new Map<number, YearData>();
  private lastYear: YearData | undefined; // hot cursor for day-by-day loops

  constructor(options: WorkCalendarOptions) {
    this.rules = { ...(options.rules ?? DEFAULT_HOLIDAY_RULES) };
    validateHolidayRules(this.rules);
    this.intervals = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.dayMs = this.intervals.reduce((sum, i) => sum + (i.end - i.start), 0) * MS_PER_MINUTE;
    // A later override for the same date replaces an earlier one (last edit wins).
    for (const override of options.overrides) {
      parseDate(override.date);
      if (override.kind !== 'day_off' && override.kind !== 'working_day') {
        throw new RangeError(`Invalid override kind for ${override.date}: ${String(override.kind)}`);
      }
      if (typeof override.name !== 'string') throw new RangeError(`Override name must be a string: ${override.date}`);
      this.overrides.set(override.date, { date: override.date, kind: override.kind, name: override.name.trim() });
    }
    for (const override of this.overrides.values()) {
      const year = parseDate(override.date).year;
      const list = this.overridesByYear.get(year) ?? [];
      list.push(override);
      this.overridesByYear.set(year, list);
    }
  }

  /** Working hours in a full working day (8 with the default office hours). */
  get hoursPerDay(): number {
    return this.dayMs / 3_600_000;
  }

  /** Statutory + compensatory + override day-offs ('swap'), minus override working days; sorted. */
  holidays(year: number): Holiday[] {
    return this.yearData(year).holidays.map((h) => ({ ...h }));
  }

  isWorkingDay(date: string): WorkingDayInfo {
    const dayNumber = toDayNumber(date);
    const weekday = weekdayOfDayNumber(dayNumber);
    const weekend = weekday === 0 || weekday === 6;
    const override = this.overrides.get(date);
    if (override?.kind === 'working_day') {
      return { date, workingDay: true, reason: weekend ? `Làm bù: ${override.name}` : `Ngày làm việc: ${override.name}` };
    }
    const holiday = this.yearData(parseDate(date).year).holidayByDate.get(date);
    if (holiday) return { date, workingDay: false, reason: holiday.name };
    if (weekday === 6) return { date, workingDay: false, reason: 'Thứ Bảy' };
    if (weekday === 0) return { date, workingDay: false, reason: 'Chủ nhật' };
    return { date, workingDay: true };
  }

  /**
   * The date `days` working days after `from` (`from` itself is not counted);
   * negative `days` go backwards. `days = 0` returns `from` unchanged, even
   * when `from` is not a working day (no implicit rolling).
   */
  addWorkingDays(from: string, days: number): string {
    let dayNumber = toDayNumber(from);
    if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS) {
      throw new RangeError(`days must be an integer within ±${MAX_WORKING_DAYS}: ${days}`);
    }
    if (days === 0) return from;
    const step = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    while (remaining > 0) {
      dayNumber += step;
      if (this.isWorkingDayNumber(dayNumber)) remaining -= 1;
    }
    return fromDayNumber(dayNumber);
  }

  /** Working days from `from` to `to`, both included; 0 when `to` is before `from`. */
  countWorkingDays(from: string, to: string): number {
    return this.countRange(toDayNumber(from), toDayNumber(to));
  }

  /**
   * `start` plus `hours` of office time on working days. A start outside
   * office hours begins at the next opening; the result may fall exactly on a
   * closing time (e.g. 8 h from 07:30 Monday = 17:30 Monday). Hours are
   * rounded to whole minutes; 0 hours returns `start` unchanged.
   */
  addWorkingHours(start: Date, hours: number): Date {
    let position = vietnamLocalMs(start);
    if (!Number.isFinite(hours) || hours < 0 || hours > MAX_WORKING_HOURS) {
      throw new RangeError(`hours must be between 0 and ${MAX_WORKING_HOURS}: ${hours}`);
    }
    let remaining = Math.round(hours * 60) * MS_PER_MINUTE;
    if (remaining === 0) return new Date(start.getTime());
    for (;;) {
      const dayNumber = Math.floor(position / MS_PER_DAY);
      const midnight = dayNumber * MS_PER_DAY;
      if (this.isWorkingDayNumber(dayNumber)) {
        for (const interval of this.intervals) {
          const open = midnight + interval.start * MS_PER_MINUTE;
          const close = midnight + interval.end * MS_PER_MINUTE;
          if (position < open) position = open;
          if (position >= close) continue;
          if (remaining <= close - position) return instantFromVietnamLocalMs(position + remaining);
          remaining -= close - position;
          position = close;
        }
      }
      position = midnight + MS_PER_DAY;
    }
  }

  /** Office hours on working days within [start, end), minute precision; 0 when end ≤ start. */
  workingHoursBetween(start: Date, end: Date): number {
    const from = vietnamLocalMs(start);
    const to = vietnamLocalMs(end);
    if (to <= from) return 0;
    const firstDay = Math.floor(from / MS_PER_DAY);
    const lastDay = Math.floor(to / MS_PER_DAY);
    let ms: number;
    if (firstDay === lastDay) {
      ms = this.officeMsInDay(firstDay, from, to);
    } else {
      ms =
        this.officeMsInDay(firstDay, from, (firstDay + 1) * MS_PER_DAY) +
        this.countRange(firstDay + 1, lastDay - 1) * this.dayMs +
        this.officeMsInDay(lastDay, lastDay * MS_PER_DAY, to);
    }
    return Math.round(ms / MS_PER_MINUTE) / 60;
  }

  private officeMsInDay(dayNumber: number, from: number, to: number): number {
    if (!this.isWorkingDayNumber(dayNumber)) return 0;
    const midnight = dayNumber * MS_PER_DAY;
    let total = 0;
    for (const interval of this.intervals) {
      const open = Math.max(from, midnight + interval.start * MS_PER_MINUTE);
      const close = Math.min(to, midnight + interval.end * MS_PER_MINUTE);
      if (close > open) total += close - open;
    }
    return total;
  }

  /** Working days in the day-number range [first, last], via per-year prefix sums. */
  private countRange(first: number, last: number): number {
    if (last < first) return 0;
    let total = 0;
    let cursor = first;
    while (cursor <= last) {
      const data = this.yearData(partsFromDayNumber(cursor).year);
      const yearEnd = data.firstDay + data.working.length - 1;
      const stop = Math.min(last, yearEnd);
      total += (data.cumulative[stop - data.firstDay + 1] as number) - (data.cumulative[cursor - data.firstDay] as number);
      cursor = stop + 1;
    }
    return total;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    let data = this.lastYear;
    if (!data || dayNumber < data.firstDay || dayNumber >= data.firstDay + data.working.length) {
      data = this.yearData(partsFromDayNumber(dayNumber).year);
      this.lastYear = data;
    }
    return data.working[dayNumber - data.firstDay] === 1;
  }

  private yearData(year: number): YearData {
    const cached = this.years.get(year);
    if (cached) return cached;
    const overrides = this.overridesByYear.get(year) ?? [];
    const swapDates = new Set(overrides.filter((o) => o.kind === 'day_off').map((o) => o.date));
    const byDateMap = new Map<string, Holiday>();
    // Swap days are passed in so that a compensatory day moves past them (art. 111(3): next *working* day).
    for (const h of holidaysWithCompensation(year, this.rules, swapDates)) byDateMap.set(h.date, h);
    for (const o of overrides) {
      if (o.kind === 'day_off' && !byDateMap.has(o.date)) byDateMap.set(o.date, { date: o.date, name: o.name, kind: 'swap' });
      if (o.kind === 'working_day') byDateMap.delete(o.date);
    }
    const holidays = [...byDateMap.values()].sort(byDate);

    const firstDay = dayNumberFromParts(year, 1, 1);
    const length = dayNumberFromParts(year + 1, 1, 1) - firstDay;
    const working = new Uint8Array(length);
    const cumulative = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const dayNumber = firstDay + i;
      const date = fromDayNumber(dayNumber);
      const weekday = weekdayOfDayNumber(dayNumber);
      const isWorking = this.overrides.get(date)?.kind === 'working_day' || (!byDateMap.has(date) && weekday !== 0 && weekday !== 6);
      working[i] = isWorking ? 1 : 0;
      cumulative[i + 1] = (cumulative[i] as number) + (working[i] as number);
    }
    const data: YearData = { firstDay, holidays, holidayByDate: byDateMap, working, cumulative };
    this.years.set(year, data);
    return data;
  }
}
