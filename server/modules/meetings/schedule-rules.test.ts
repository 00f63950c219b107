import { describe, expect, it } from 'vitest';
import { applyScheduleAction, findConflicts, mondayOf, weekOfInstant, weekWindow } from './schedule-rules.js';

describe('weekly schedule rules', () => {
  it('puts every day, and every instant in Vietnam time, in its Monday-to-Sunday week', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    // Sunday 23:30 UTC is Monday 06:30 in Vietnam
    expect(weekOfInstant(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(weekWindow('2026-11-30').from.toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('follows the state table: edits send an approved week back to draft, raise a published week’s revision', () => {
    expect(applyScheduleAction('approve', { state: 'draft', revision: 0 })).toEqual({ state: 'approved', revision: 0 });
    expect(applyScheduleAction('publish', { state: 'approved', revision: 0 })).toEqual({ state: 'published', revision: 0 });
    expect(applyScheduleAction('edit', { state: 'approved', revision: 0 })).toEqual({ state: 'draft', revision: 0 });
    expect(applyScheduleAction('edit', { state: 'published', revision: 2 })).toEqual({ state: 'published', revision: 3 });
    expect(applyScheduleAction('publish', { state: 'draft', revision: 0 })).toBeNull();
    expect(applyScheduleAction('approve', { state: 'published', revision: 1 })).toBeNull();
  });

  it('flags overlapping leaders and rooms, touching entries are fine, a meeting does not conflict with its own entry', () => {
    const d = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 30, h - 7, m));
    const entries = [
      { id: 'a', startsAt: d(8), endsAt: d(10), roomId: 'r1', leaderIds: ['L1'], meetingId: 'm1' },
      { id: 'b', startsAt: d(9), endsAt: d(11), roomId: 'r1', leaderIds: ['L1', 'L2'], meetingId: null },
      { id: 'c', startsAt: d(11), endsAt: d(12), roomId: 'r1', leaderIds: ['L2'], meetingId: null },
    ];
    const meetings = [
      { id: 'm1', title: 'Own', startsAt: d(8), endsAt: d(10), roomId: 'r1', chairUserId: 'L1' },
      { id: 'm2', title: 'Other', startsAt: d(11, 30), endsAt: d(13), roomId: 'r2', chairUserId: 'L2' },
    ];
    const c = findConflicts(entries, meetings);
    expect(c.get('a')!.map((x) => x.kind).sort()).toEqual(['leader', 'room']);
    // m1 is on the schedule as entry a: b conflicts with a once, not again with m1
    expect(c.get('b')!.map((x) => x.kind).sort()).toEqual(['leader', 'room']);
    expect(findConflicts([entries[1]!], meetings).get('b')!.map((x) => x.kind).sort()).toEqual(['leader_meeting', 'room_meeting']);
    expect(c.get('c')).toEqual([{ kind: 'leader_meeting', userId: 'L2', meetingId: 'm2', title: 'Other' }]);
  });
});
