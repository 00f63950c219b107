import type { TaskState } from './tables.js';

/** What everybody sees of a task's timeliness, computed only here (and mirrored in SQL by repo.derivedStatusSql). */
export const DERIVED_STATUSES = ['on_time', 'due_soon', 'overdue', 'done_on_time', 'done_late'] as const;
export type DerivedStatus = (typeof DERIVED_STATUSES)[number];

/** A task whose deadline is at most this many working days away is "due soon" (sắp đến hạn). */
export const DUE_SOON_WORKING_DAYS = 2;

export interface TimelinessInput {
  state: TaskState;
  deadline: string;
  reportedOn: string | null;
  completedOn: string | null;
}

/**
 * The derived status on `today` (Vietnam date). `dueSoonUntil` is `today` plus DUE_SOON_WORKING_DAYS
 * working days, from the calendar.
 *
 * Done means confirmed by the assigner, judged by the day the assignee reported it done: a report in time
 * that the leader confirms later is still done on time. While a report waits for confirmation the clock
 * is stopped at the report's day: on time if it came by the deadline, overdue if it came after.
 */
export function deriveStatus(t: TimelinessInput, today: string, dueSoonUntil: string): DerivedStatus {
  if (t.state === 'confirmed_done') return (t.completedOn ?? today) <= t.deadline ? 'done_on_time' : 'done_late';
  if (t.state === 'reported_done' && t.reportedOn) return t.reportedOn <= t.deadline ? 'on_time' : 'overdue';
  if (t.deadline < today) return 'overdue';
  if (t.deadline <= dueSoonUntil) return 'due_soon';
  return 'on_time';
}
