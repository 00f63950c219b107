import { vietnamLocalMs } from '../../../platform/calendar/date-only.js';

/** What the report says where a figure is missing, instead of "NaN" or "null". */
export const NO_DATA = 'chưa có số liệu';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * A number in Vietnamese style ("12.996", "0,93"), rounded half away from zero to `digits` decimals;
 * `trim` drops trailing zeros ("100" rather than "100,00"). Null for a missing or non-finite value.
 */
export function vnDecimal(n: number | null | undefined, digits: number, trim = false): string | null {
  if (n == null || !Number.isFinite(n)) return null;
  const scale = 10 ** digits;
  const rounded = Math.sign(n) * Math.round(Math.abs(n) * scale + 1e-9) / scale;
  const [int, fixed = ''] = Math.abs(rounded).toFixed(digits).split('.');
  const frac = trim ? fixed.replace(/0+$/, '') : fixed;
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${group(int!)}${frac ? `,${frac}` : ''}`;
}

/** A count: "12.996"; a missing count reads "chưa có số liệu". */
export function vnCount(n: number | null | undefined): string {
  return vnDecimal(n, 0) ?? NO_DATA;
}

/**
 * A rate 0..1 as a percentage with at most 2 decimals ("98,5%"). A rate below 1 never prints as "100%": the
 * report must not claim every document when one was missed.
 */
export function vnPercent(rate: number | null | undefined): string | null {
  if (rate == null || !Number.isFinite(rate)) return null;
  let pct = Math.round(rate * 10_000 + 1e-9) / 100;
  if (pct >= 100 && rate < 1) pct = 99.99;
  return `${vnDecimal(pct, 2, true)}%`;
}

/** Index points, always with 2 decimals as the national portal shows them ("82,08"). */
export function vnPoints(n: number | null | undefined): string | null {
  return vnDecimal(n, 2);
}

/** num ÷ den as a rate, null when den is zero (or either is not a number). */
export function rateOf(num: number, den: number): number | null {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return null;
  return num / den;
}

/** '2025-07' → '7/2025', as months are written in running text. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${Number(m[2])}/${m[1]}` : month;
}

const pad = (n: number) => String(n).padStart(2, '0');

function vietnamParts(iso: string) {
  const d = new Date(vietnamLocalMs(new Date(iso)));
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() };
}

/**
 * "An Giang, ngày      tháng      năm 2025": the day and month are written by hand when the report is
 * signed (Decree 30, App. I: the date of issue is the date of signing), the year is the draft's.
 */
export function draftPlaceDate(place: string, generatedAt: string): string {
  const blank = '\u00a0'.repeat(6);
  return `${place}, ngày${blank}tháng${blank}năm ${vietnamParts(generatedAt).y}`;
}

/** "10 giờ 30 phút ngày 01/09/2025" in Việt Nam time. */
export function vnTimestamp(iso: string): string {
  const p = vietnamParts(iso);
  return `${pad(p.h)} giờ ${pad(p.mi)} phút ngày ${pad(p.d)}/${pad(p.mo)}/${p.y}`;
}
