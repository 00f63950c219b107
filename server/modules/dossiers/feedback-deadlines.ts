import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { FeedbackState } from './tables.js';

/**
 * What an officer does with a feedback (phản ánh, kiến nghị), and what the sender does when asked for more.
 * One table of transitions: an action from any other state is refused (409).
 */
export const FEEDBACK_ACTIONS = ['refuse', 'request_info', 'supply_info', 'resolve', 'publish'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export const FEEDBACK_TRANSITIONS: Readonly<Record<FeedbackAction, { from: readonly FeedbackState[]; to: FeedbackState }>> = {
  // a feedback still waiting for the sender's information may also be refused when it never comes
  refuse: { from: ['received', 'more_info'], to: 'refused' },
  request_info: { from: ['received'], to: 'more_info' },
  supply_info: { from: ['more_info'], to: 'received' },
  resolve: { from: ['received'], to: 'resolved' },
  publish: { from: ['resolved'], to: 'published' },
};

export const canTransition = (state: FeedbackState, action: FeedbackAction) => FEEDBACK_TRANSITIONS[action].from.includes(state);

/** The officers' actions that have a deadline. */
export type TimedFeedbackAction = Exclude<FeedbackAction, 'supply_info'>;

/**
 * Working days allowed for each action, as the service index counts them (Decision 766, indicator 5.2):
 * refuse within 2, ask for more within 5, resolve within 15 (counted from the submission), publish the answer
 * within 2 (counted from the resolution). The index counts the office's time, so the working time spent waiting
 * for the sender's information moves the resolve deadline; refusing and asking come before any wait.
 */
export const FEEDBACK_LIMIT_DAYS: Readonly<Record<TimedFeedbackAction, number>> = { refuse: 2, request_info: 5, resolve: 15, publish: 2 };

export interface FeedbackTimes {
  state: FeedbackState;
  submittedAt: Date;
  resolvedAt: Date | null;
  /** working minutes waited for the sender, summed over the rounds already answered */
  infoWaitMinutes: number;
}

/**
 * When an action is due: its working days turned into working hours (8 h a day) from the moment the clock starts,
 * so a feedback sent at 09:00 on Monday must be refused by 09:00 on Wednesday. One sent outside office hours
 * starts at the next opening. Resolving also gets the working time waited for the sender, and has no due time
 * while the office still waits (the wait is not over, so neither is known). `publish` counts from the resolution
 * and has no due time before it.
 */
export function feedbackDueAt(cal: WorkCalendar, action: TimedFeedbackAction, times: FeedbackTimes): Date | null {
  const start = action === 'publish' ? times.resolvedAt : times.submittedAt;
  if (!start) return null;
  if (action !== 'resolve') return cal.addWorkingHours(start, FEEDBACK_LIMIT_DAYS[action] * cal.hoursPerDay);
  if (times.state === 'more_info') return null;
  return cal.addWorkingHours(start, FEEDBACK_LIMIT_DAYS.resolve * cal.hoursPerDay + times.infoWaitMinutes / 60);
}

/** Working minutes from asking the sender for more to their answer (whole minutes, as the column keeps them). */
export function infoWaitMinutes(cal: WorkCalendar, requestedAt: Date | null, suppliedAt: Date): number {
  return requestedAt ? Math.round(cal.workingHoursBetween(requestedAt, suppliedAt) * 60) : 0;
}

export const isOnTime = (doneAt: Date, dueAt: Date) => doneAt.getTime() <= dueAt.getTime();

/** The deadline a feedback is waiting on now: resolving it while received, publishing it once resolved. */
export function pendingDeadline(cal: WorkCalendar, times: FeedbackTimes): { action: TimedFeedbackAction; dueAt: Date } | null {
  if (times.state === 'received') return { action: 'resolve', dueAt: feedbackDueAt(cal, 'resolve', times)! };
  if (times.state === 'resolved' && times.resolvedAt) return { action: 'publish', dueAt: feedbackDueAt(cal, 'publish', times)! };
  // refused and published are done; more_info waits for the sender, and that time is not the office's
  return null;
}

const MS_PER_DAY = 86_400_000;

/**
 * The latest start instant whose deadline of `days` working days has already passed at `now`: a feedback whose
 * clock started at or before it is overdue. Lets the database filter overdue rows with a plain comparison.
 * Found by bisection because the due time only grows with the start (never shrinks).
 */
export function overdueStartCutoff(cal: WorkCalendar, now: Date, days: number): Date {
  const hours = days * cal.hoursPerDay;
  const passed = (startMs: number) => cal.addWorkingHours(new Date(startMs), hours).getTime() < now.getTime();
  // Far enough back that the deadline has surely passed: weekends and the longest holidays included.
  let lo = now.getTime() - (days * 3 + 30) * MS_PER_DAY;
  while (!passed(lo)) lo -= 30 * MS_PER_DAY;
  let hi = now.getTime();
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passed(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}
