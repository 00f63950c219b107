import { addDays, dayOfWeek, toDayNumber, vietnamDate } from '../../platform/calendar/date-only.js';
import type { ScheduleState } from './tables.js';

/** The Monday of the week a day falls in (weeks run Monday to Sunday, as the Office prints them). */
export function mondayOf(date: string): string {
  const weekday = dayOfWeek(date);
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** The week of an instant, in Vietnam time. */
export const weekOfInstant = (at: Date): string => mondayOf(vietnamDate(at));

/** [start, end) of a week as instants: Monday 00:00 to the next Monday 00:00, Vietnam time (UTC+7, no DST). */
export function weekWindow(weekStart: string): { from: Date; to: Date } {
  const from = new Date(`${weekStart}T00:00:00+07:00`);
  return { from, to: new Date(`${addDays(weekStart, 7)}T00:00:00+07:00`) };
}

export const SCHEDULE_ACTIONS = ['approve', 'publish', 'edit'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];

interface ScheduleTransition {
  from: readonly ScheduleState[];
  /** where the week goes; a function when it depends on the state it starts from */
  to: (from: ScheduleState) => ScheduleState;
  /** published weeks count their changes: readers and calendars see the revision */
  raisesRevision: (from: ScheduleState) => boolean;
  refusal: string;
}

/**
 * The weekly schedule's life cycle, as a table (DESIGN.md "State machines").
 *
 * | action  | from                     | to        | revision                     |
 * | ------- | ------------------------ | --------- | ---------------------------- |
 * | edit    | draft                    | draft     | —                            |
 * | edit    | approved                 | draft     | — (the leader approves again)|
 * | edit    | published                | published | +1, entry marked "điều chỉnh"|
 * | approve | draft                    | approved  | —                            |
 * | publish | approved                 | published | —                            |
 *
 * Why an edit after publication keeps the week published: the Office does not take a published schedule
 * down for a changed hour; it publishes the adjustment ("điều chỉnh lịch công tác") at once, and the
 * change (before/after) goes on the audit log. An edit after approval but before publication is still
 * an internal draft, so it goes back to the leader.
 */
export const SCHEDULE_TRANSITIONS: Record<ScheduleAction, ScheduleTransition> = {
  edit: { from: ['draft', 'approved', 'published'], to: (s) => (s === 'approved' ? 'draft' : s), raisesRevision: (s) => s === 'published', refusal: 'Không sửa được lịch tuần này' },
  approve: { from: ['draft'], to: () => 'approved', raisesRevision: () => false, refusal: 'Chỉ duyệt được lịch tuần đang dự thảo' },
  publish: { from: ['approved'], to: () => 'published', raisesRevision: () => false, refusal: 'Chỉ công bố được lịch tuần đã được lãnh đạo duyệt' },
};

/** The week after the action, or null when the action is not in the table for this state (409). */
export function applyScheduleAction(action: ScheduleAction, week: { state: ScheduleState; revision: number }): { state: ScheduleState; revision: number } | null {
  const t = SCHEDULE_TRANSITIONS[action];
  if (!t.from.includes(week.state)) return null;
  return { state: t.to(week.state), revision: week.revision + (t.raisesRevision(week.state) ? 1 : 0) };
}

export interface ConflictInput {
  id: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  leaderIds: readonly string[];
  meetingId: string | null;
}

export interface MeetingBooking {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  chairUserId: string;
}

export type Conflict =
  | { kind: 'leader'; userId: string; entryId: string }
  | { kind: 'room'; roomId: string; entryId: string }
  | { kind: 'leader_meeting'; userId: string; meetingId: string; title: string }
  | { kind: 'room_meeting'; roomId: string; meetingId: string; title: string };

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * The conflicts of each entry: a leader in two overlapping entries (or an entry and a meeting they chair),
 * a room held by two overlapping entries or by an entry and a meeting. A meeting that is itself on the
 * schedule (an entry made from it) is compared as that entry only.
 */
export function findConflicts(entries: readonly ConflictInput[], meetings: readonly MeetingBooking[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>(entries.map((e) => [e.id, []]));
  // a meeting already on the schedule as an entry conflicts through that entry, not a second time
  const onSchedule = new Set(entries.map((e) => e.meetingId).filter(Boolean));
  const sorted = [...entries].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < a.endsAt; j++) {
      const b = sorted[j]!;
      for (const userId of a.leaderIds) {
        if (b.leaderIds.includes(userId)) {
          out.get(a.id)!.push({ kind: 'leader', userId, entryId: b.id });
          out.get(b.id)!.push({ kind: 'leader', userId, entryId: a.id });
        }
      }
      if (a.roomId && a.roomId === b.roomId) {
        out.get(a.id)!.push({ kind: 'room', roomId: a.roomId, entryId: b.id });
        out.get(b.id)!.push({ kind: 'room', roomId: a.roomId, entryId: a.id });
      }
    }
    for (const m of meetings) {
      if (onSchedule.has(m.id) || !overlaps(a, m)) continue;
      if (a.leaderIds.includes(m.chairUserId)) out.get(a.id)!.push({ kind: 'leader_meeting', userId: m.chairUserId, meetingId: m.id, title: m.title });
      if (a.roomId && a.roomId === m.roomId) out.get(a.id)!.push({ kind: 'room_meeting', roomId: a.roomId, meetingId: m.id, title: m.title });
    }
  }
  return out;
}

/** Days of the week Monday..Sunday. */
export const weekDays = (weekStart: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));

export const isMonday = (date: string): boolean => dayOfWeek(date) === 1 && toDayNumber(date) >= 0;
