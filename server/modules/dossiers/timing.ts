/**
 * How dossier time is counted (domain file §2.1, §2.5). Pure: every function takes the tenant's
 * `WorkCalendar` and instants; nothing here reads the database or the clock.
 */
import { addDays, daysInMonth, parseDate, formatDate, vietnamDate } from '../../platform/calendar/index.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { TimeUnit } from '../procedures/tables.js';
import type { EarlyRule } from './settings.js';
import type { Outcome } from './tables.js';

const MINUTE = 60_000;
const VIETNAM_OFFSET_MS = 7 * 60 * MINUTE;

/** The instant of 00:00 Việt Nam time on a calendar day. */
export const vietnamMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);

/** Minutes since local midnight of an instant, in Việt Nam time. */
const vietnamMinutes = (at: Date): number => Math.floor(((at.getTime() + VIETNAM_OFFSET_MS) % 86_400_000) / MINUTE);

const clockMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

/** The instant itself when it lies in office hours of a working day, else the next opening. */
export function nextWorkingMoment(calendar: WorkCalendar, at: Date): Date {
  // One working minute forward then back: the calendar skips closed time on the way forward only.
  return new Date(calendar.addWorkingHours(at, 1 / 60).getTime() - MINUTE);
}

/** The opening (07:30) of the first working day after `date`. */
export function nextOpening(calendar: WorkCalendar, date: string): Date {
  return nextWorkingMoment(calendar, vietnamMidnight(calendar.addWorkingDays(date, 1)));
}

/** The closing (17:30) of `date`, or of the next working day when `date` is not one. */
export function closingOf(calendar: WorkCalendar, date: string): Date {
  const opening = nextWorkingMoment(calendar, vietnamMidnight(date));
  return calendar.addWorkingHours(opening, calendar.hoursPerDay);
}

/**
 * When the clock of a dossier received at `receivedAt` starts. Received after the counter cut-off (15:00),
 * or after closing, it starts at the next working day's opening; received outside office hours (lunch, a
 * weekend desk), at the next opening; otherwise at once.
 */
export function clockStartAt(calendar: WorkCalendar, receivedAt: Date, counterCutoff: string): Date {
  const date = vietnamDate(receivedAt);
  if (calendar.isWorkingDay(date).workingDay && vietnamMinutes(receivedAt) >= clockMinutes(counterCutoff) && !sameMinute(receivedAt, counterCutoff)) {
    return nextOpening(calendar, date);
  }
  return nextWorkingMoment(calendar, receivedAt);
}

// "Sau 15 giờ": 15:00:xx is still the cut-off minute, from 15:01 the dossier counts for the next day.
const sameMinute = (at: Date, hhmm: string): boolean => vietnamMinutes(at) === clockMinutes(hhmm);

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

/**
 * The appointment (NgayHenTra): the clock start plus the time limit. Working hours and working days (8 h
 * each) go through the calendar's office hours; calendar days and months end at the closing of the last
 * day, moved to the next working day when it is a day off (Civil Code 2015, art. 148(5)).
 */
export function appointmentAt(calendar: WorkCalendar, start: Date, limit: TimeLimit): Date {
  switch (limit.unit) {
    case 'working_hours':
      return calendar.addWorkingHours(start, limit.value);
    case 'working_days':
      return calendar.addWorkingHours(start, limit.value * calendar.hoursPerDay);
    case 'days':
      return closingOf(calendar, addDays(vietnamDate(start), Math.ceil(limit.value)));
    case 'months':
      return closingOf(calendar, addMonths(vietnamDate(start), Math.ceil(limit.value)));
  }
}

/** Same day of month `months` later, clamped to the month's last day (31/1 + 1 month = 28/2). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** An online dossier must be received or answered within 8 working hours of its submission. */
export const receiveDueAt = (calendar: WorkCalendar, submittedAt: Date, hours = 8): Date => calendar.addWorkingHours(submittedAt, hours);

/**
 * Early / on time / late of an end against a due time. `working_day`: an earlier day than the due day is
 * early, the same day (up to the due instant) on time; `instant`: any moment before the due instant is early.
 */
export function compareToDue(end: Date, due: Date, rule: EarlyRule): Outcome {
  if (end.getTime() > due.getTime()) return 'late';
  if (rule === 'instant') return end.getTime() < due.getTime() ? 'early' : 'on_time';
  return vietnamDate(end) < vietnamDate(due) ? 'early' : 'on_time';
}

/** What the outcome of a dossier depends on. */
export interface DossierClock {
  appointmentAt: Date;
  processedAt?: Date | null;
  returnedAt?: Date | null;
  /** stopped (8), refused (3) or withdrawn (7) */
  closedAt?: Date | null;
  /** time already paused for completed supplements, in ms */
  pausedMs: number;
  /** the open supplement request, while waiting for the applicant */
  pausedSince?: Date | null;
  supplementCount: number;
}

/** NgayKetThucXuLy: processed, else returned, else stopped/refused/withdrawn (the 766 engine's order). */
export function endOfProcessing(clock: Pick<DossierClock, 'processedAt' | 'returnedAt' | 'closedAt'>): Date | null {
  return clock.processedAt ?? clock.returnedAt ?? clock.closedAt ?? null;
}

/** The end minus the time the clock stood still for supplements. */
export const effectiveEnd = (end: Date, pausedMs: number): Date => new Date(end.getTime() - pausedMs);

/**
 * The outcome of a finished dossier; null while it is not finished. More than one supplement request
 * counts as late whatever the dates (the national index does so).
 */
export function dossierOutcome(clock: DossierClock, rule: EarlyRule): Outcome | null {
  const end = endOfProcessing(clock);
  if (!end) return null;
  if (clock.supplementCount > 1) return 'late';
  return compareToDue(effectiveEnd(end, clock.pausedMs), clock.appointmentAt, rule);
}

/**
 * Whether an open dossier is still in time at the end of a reporting period ("trong hạn"). One waiting for
 * the applicant counts its request time as the end; more than one supplement request is never in time.
 */
export function openInTime(clock: DossierClock, periodEnd: Date): boolean {
  if (clock.supplementCount > 1) return false;
  const end = clock.pausedSince && clock.pausedSince.getTime() < periodEnd.getTime() ? clock.pausedSince : periodEnd;
  return effectiveEnd(end, clock.pausedMs).getTime() <= clock.appointmentAt.getTime();
}

/** Form set of a dossier: Circular 01/2018 before 1 July 2025, Circular 03/2025 from then (Việt Nam date). */
export const formVersionAt = (receivedAt: Date): '2018' | '2025' => (vietnamDate(receivedAt) < '2025-07-01' ? '2018' : '2025');
