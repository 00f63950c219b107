/**
 * Calendar-day ("date-only") helpers.
 *
 * A calendar day is exchanged as an ISO `YYYY-MM-DD` string and handled
 * internally as a *day number*: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar. Day numbers avoid every time-zone pitfall of `Date`
 * (a day in Việt Nam must never shift because a server runs in UTC), and make
 * "add days" and "day of week" plain integer arithmetic.
 */

/** Việt Nam (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

/** Day of week, JS convention: 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ Bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a Gregorian date. Counts from 1 March of year 0 so that the
 * leap day is the last day of the counting year (a standard civil-calendar
 * technique), then shifts so that 1970-01-01 is 0.
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400; // 0..399
  const monthFromMarch = (month + 9) % 12; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of {@link dayNumberFromParts}. */
export function partsFromDayNumber(dayNumber: number): YearMonthDay {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097; // 0..146096
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Parse and validate `YYYY-MM-DD`; throws RangeError for malformed or impossible dates (e.g. 2025-02-30). */
export function parseDate(date: string): YearMonthDay {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date: ${date}`);
  }
  return { year, month, day };
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function formatDate(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  return dayNumberFromParts(year, month, day);
}

export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return formatDate(year, month, day);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of week of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

export function dayOfWeek(date: string): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Calendar day (`YYYY-MM-DD`) that the instant falls on in Asia/Ho_Chi_Minh. */
export function vietnamDate(instant: Date): string {
  return fromDayNumber(Math.floor(vietnamLocalMs(instant) / MS_PER_DAY));
}

/**
 * Milliseconds since 1970-01-01T00:00 *Vietnam wall-clock time*: the instant
 * shifted by +7 h so that plain UTC arithmetic yields local day and minute.
 */
export function vietnamLocalMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms + VIETNAM_OFFSET_MS;
}

/** Inverse of {@link vietnamLocalMs}. */
export function instantFromVietnamLocalMs(localMs: number): Date {
  return new Date(localMs - VIETNAM_OFFSET_MS);
}
