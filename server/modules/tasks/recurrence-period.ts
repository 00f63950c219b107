import { daysInMonth, formatDate, parseDate } from '../../platform/calendar/date-only.js';
import type { TaskRecurrence } from './tables.js';

/** How many months one period of a series spans. */
export const RECURRENCE_MONTHS: Record<TaskRecurrence, number> = { monthly: 1, quarterly: 3, yearly: 12 };
export const RECURRENCE_LABEL: Record<TaskRecurrence, string> = { monthly: 'hằng tháng', quarterly: 'hằng quý', yearly: 'hằng năm' };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * The period a task of a series covers, named after the period its deadline falls in: a monthly report
 * due 25/12/2026 is "Tháng 12/2026", a quarterly one "Quý IV/2026", a yearly one "Năm 2026".
 */
export function periodLabel(recurrence: TaskRecurrence, deadline: string): string {
  const { year, month } = parseDate(deadline);
  if (recurrence === 'monthly') return `Tháng ${month}/${year}`;
  if (recurrence === 'quarterly') return `Quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
  return `Năm ${year}`;
}

/**
 * The next period's deadline: one period after `previous` (the previous period's deadline as first given,
 * not as extended), on the series' day of the month `anchorDay`, clamped to the month's last day — a series
 * due on the 31st is due 28/02 (or 29/02), then 31/03 again, never drifting to the 28th.
 */
export function nextDeadline(recurrence: TaskRecurrence, previous: string, anchorDay: number): string {
  const { year, month } = parseDate(previous);
  const index = year * 12 + (month - 1) + RECURRENCE_MONTHS[recurrence];
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate(y, m, Math.min(anchorDay, daysInMonth(y, m)));
}
