/**
 * Vietnamese lunisolar calendar (âm lịch), following Hồ Ngọc Đức's
 * astronomical method (https://www.informatik.uni-leipzig.de/~duc/amlich/),
 * which is what Vietnamese calendars and the statutory holidays of the Labor
 * Code (Tết, Giỗ Tổ Hùng Vương — art. 112) are based on.
 *
 * Rules of the calendar:
 *  - A lunar month starts on the *local civil day* (UTC+7) that contains the
 *    astronomical new moon. Using UTC+7, not China's UTC+8, is the whole
 *    reason Vietnamese and Chinese dates sometimes differ (Tết 1985, 2007).
 *  - Month 11 is the month containing the winter solstice (sun longitude 270°).
 *  - If 13 new moons start between two consecutive month-11s, the first month
 *    after month 11 that contains no major solar term (sun longitude a
 *    multiple of 30°) is a leap month and repeats the previous month's number.
 *
 * Astronomy: mean new moon plus periodic corrections and the low-precision
 * solar longitude from J. Meeus ("Astronomical Formulae for Calculators" /
 * "Astronomical Algorithms"), the same models as Đức's reference tables.
 */
import { fromDayNumber, parseDate, toDayNumber } from './date-only.js';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Gregorian years supported for conversion (the model is validated well inside this). */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

const TIME_ZONE_DAYS = 7 / 24; // Việt Nam, UTC+7
const JDN_OF_DAY_ZERO = 2_440_588; // Julian Day Number of 1970-01-01 (our day number 0)
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH_JD = 2_415_020.75933; // new moon number 0, early 1900-01-01 (UT)
const RAD = Math.PI / 180;
const WINTER_SOLSTICE_SECTOR = 9; // 270° / 30°

/** Julian ephemeris date (as UT) of the k-th new moon after January 1900. */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900 January 0.5
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    NEW_MOON_EPOCH_JD + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const moonLatitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const m = sunAnomaly;
  const mp = moonAnomaly;
  const f2 = 2 * moonLatitudeArg;
  // Periodic terms: the true new moon deviates from the mean one by up to ~14 h.
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(f2) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(f2 + m) -
    0.0004 * Math.sin(f2 - m) -
    0.0006 * Math.sin(f2 + mp) +
    0.001 * Math.sin(f2 - mp) +
    0.0005 * Math.sin(m + 2 * mp);
  // ΔT = TT − UT in days (polynomial fits before/after ~800 AD).
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Julian Day Number of the Vietnamese civil day on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TIME_ZONE_DAYS);
}

/** Apparent-enough geometric solar longitude in degrees [0, 360) at Julian date `jd`. */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545.0) / 36_525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = meanLongitude + centre;
  return longitude - 360 * Math.floor(longitude / 360);
}

/** Index 0..11 of the 30° sector the sun is in at local (UTC+7) midnight starting day `jdn`. */
function solarSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_DAYS) / 30);
}

/** Index k of the lunar month (new moon k) that contains day `jdn`. */
function lunationContaining(jdn: number): number {
  let k = Math.floor((jdn - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  while (newMoonDay(k) > jdn) k -= 1;
  while (newMoonDay(k + 1) <= jdn) k += 1;
  return k;
}

/** Lunation index of month 11 (the month containing the winter solstice) of Gregorian `year`. */
function month11Lunation(year: number): number {
  const k = lunationContaining(toDayNumber(`${year}-12-31`) + JDN_OF_DAY_ZERO);
  // The month holding 31 December starts either before the solstice (it is
  // month 11) or after it (then month 11 is the one before).
  return solarSector(newMoonDay(k)) >= WINTER_SOLSTICE_SECTOR ? k - 1 : k;
}

interface LunarMonth {
  start: number; // JDN of day 1
  length: number; // 29 or 30
  month: number;
  leap: boolean;
  year: number;
}

/**
 * The lunar months from month 11 of lunar year `year - 1` (around December of
 * `year - 1`) up to, excluding, month 11 of lunar year `year`: one solstice-to-
 * solstice cycle, within which the leap month (if any) is determined.
 */
const cycleCache = new Map<number, LunarMonth[]>();

function solsticeCycle(year: number): LunarMonth[] {
  const cached = cycleCache.get(year);
  if (cached) return cached;
  const first = month11Lunation(year - 1);
  const count = month11Lunation(year) - first; // 12 or 13
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(newMoonDay(first + i));
  const startAt = (i: number): number => starts[i] as number;

  let leapIndex = -1;
  if (count === 13) {
    // The sector is unchanged between the starts of month i and i+1 exactly
    // when no major term falls inside month i. Month 11 (index 0) holds the
    // solstice by construction, so the search starts at index 1.
    for (let i = 1; i < count; i++) {
      if (solarSector(startAt(i)) === solarSector(startAt(i + 1))) {
        leapIndex = i;
        break;
      }
    }
    if (leapIndex < 0) throw new Error(`No month without a major term in lunar cycle ${year}`);
  }

  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // 0 = month 11
    const month = ((10 + ordinal) % 12) + 1;
    months.push({
      start: startAt(i),
      length: startAt(i + 1) - startAt(i),
      month,
      leap: i === leapIndex,
      // Months 11 and 12 at the head of the cycle still belong to the previous lunar year.
      year: month >= 11 ? year - 1 : year,
    });
  }
  cycleCache.set(year, months);
  return months;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year ${year} outside supported range ${LUNAR_MIN_YEAR}-${LUNAR_MAX_YEAR}`);
  }
}

/** Convert a Gregorian `YYYY-MM-DD` to the Vietnamese lunar date. */
export function solarToLunar(date: string): LunarDate {
  const { year } = parseDate(date);
  assertYear(year);
  const jdn = toDayNumber(date) + JDN_OF_DAY_ZERO;
  let months = solsticeCycle(year + 1);
  if (jdn < (months[0] as LunarMonth).start) months = solsticeCycle(year);
  let found = months[0] as LunarMonth;
  for (const m of months) {
    if (m.start > jdn) break;
    found = m;
  }
  return { day: jdn - found.start + 1, month: found.month, year: found.year, leap: found.leap };
}

function findMonth(year: number, month: number, leap: boolean): LunarMonth | undefined {
  // Months 11–12 of lunar year N live in the cycle that ends at the solstice of N + 1.
  const cycle = solsticeCycle(month >= 11 ? year + 1 : year);
  return cycle.find((m) => m.month === month && m.leap === leap && m.year === year);
}

/**
 * Convert a Vietnamese lunar date to Gregorian `YYYY-MM-DD`.
 * Throws RangeError for dates that do not exist (a leap month the year does
 * not have, or day 30 of a 29-day month).
 */
export function lunarToSolar(lunar: LunarDate): string {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR - 1 || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar year ${year} outside supported range`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid lunar month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Invalid lunar day: ${day}`);
  const found = findMonth(year, month, leap === true);
  if (!found) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  if (day > found.length) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has only ${found.length} days`);
  }
  return fromDayNumber(found.start + day - 1 - JDN_OF_DAY_ZERO);
}

/** The leap month number of lunar year `year`, or 0 when the year has 12 months. */
export function leapMonthOf(year: number): number {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR - 1 || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Lunar year ${year} outside supported range`);
  }
  for (const cycleYear of [year, year + 1]) {
    const leap = solsticeCycle(cycleYear).find((m) => m.leap && m.year === year);
    if (leap) return leap.month;
  }
  return 0;
}
