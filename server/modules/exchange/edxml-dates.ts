/**
 * Dates and times as they travel in edXML. We send `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` in Việt Nam time
 * (the VNPT SDK's format); we also read Bkav's `dd/MM/yyyy HH:mm:ss` and ISO 8601 (domain §2.3, "Dates").
 */
import { VIETNAM_UTC_OFFSET_MINUTES, daysInMonth } from '../../platform/calendar/index.js';
import type { IsoDate } from './edxml-types.js';

const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2025-03-10` → `2025/03/10`. */
export function formatEdxmlDate(date: IsoDate): string {
  return date.replaceAll('-', '/');
}

/** An instant → `yyyy/MM/dd HH:mm:ss` on the Việt Nam wall clock (UTC+7, no daylight saving). */
export function formatEdxmlTimestamp(instant: Date): string {
  const t = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return (
    `${pad(t.getUTCFullYear(), 4)}/${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  );
}

const YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/;
const DMY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})/;
const CLOCK = /^[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  rest: string;
}

function splitDate(text: string): WallClock | null {
  const ymd = YMD.exec(text);
  if (ymd) return { year: +ymd[1]!, month: +ymd[2]!, day: +ymd[3]!, rest: text.slice(ymd[0].length) };
  const dmy = DMY.exec(text);
  if (dmy) return { year: +dmy[3]!, month: +dmy[2]!, day: +dmy[1]!, rest: text.slice(dmy[0].length) };
  return null;
}

const validDay = (w: WallClock): boolean =>
  w.year >= 1900 && w.year <= 9999 && w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= daysInMonth(w.year, w.month);

/**
 * A calendar date in `yyyy/MM/dd`, `dd/MM/yyyy` or either with `-`; a trailing time (some senders write
 * `2025/03/10 00:00:00`) is ignored. Null when it is not a real date.
 */
export function parseEdxmlDate(text: string): IsoDate | null {
  const w = splitDate(text.trim());
  if (!w || !validDay(w) || (w.rest !== '' && !CLOCK.test(w.rest))) return null;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * An instant in `yyyy/MM/dd HH:mm:ss`, `dd/MM/yyyy HH:mm:ss` or ISO 8601. Without an offset the wall clock
 * is Việt Nam's. A bare date means midnight. Null when it is not a real instant.
 */
export function parseEdxmlTimestamp(text: string): Date | null {
  const w = splitDate(text.trim());
  if (!w || !validDay(w)) return null;
  let [hours, minutes, seconds, millis, offsetMs] = [0, 0, 0, 0, VIETNAM_OFFSET_MS];
  if (w.rest !== '') {
    const clock = CLOCK.exec(w.rest);
    if (!clock) return null;
    [hours, minutes, seconds] = [+clock[1]!, +clock[2]!, +(clock[3] ?? 0)];
    millis = clock[4] ? Math.floor(+`0.${clock[4]}` * 1000) : 0;
    if (clock[5]) offsetMs = parseOffset(clock[5]);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const utc = Date.UTC(w.year, w.month - 1, w.day, hours, minutes, seconds, millis) - offsetMs;
  return new Date(utc);
}

function parseOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}
