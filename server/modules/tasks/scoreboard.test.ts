import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { deriveStatus, type TimelinessInput } from './derived-status.js';
import { derivedStatusSql } from './repo.js';
import { onTimeRate, scoreboardBucket, scoreboardPeriod } from './scoreboard.js';
import { rollupPredicates } from './scoreboard-repo.js';

const AS_OF = '2026-03-10';
const SOON = '2026-03-12';
const c = (state: TimelinessInput['state'], deadline: string, reportedOn: string | null = null, completedOn: string | null = null): TimelinessInput => ({ state, deadline, reportedOn, completedOn });

// every branch of the rule, and each boundary on both sides
const CASES: TimelinessInput[] = [
  c('assigned', '2026-03-20'),
  c('accepted', '2026-03-11'),
  c('in_progress', AS_OF),
  c('in_progress', SOON),
  c('in_progress', '2026-03-13'),
  c('in_progress', '2026-03-09'),
  c('assigned', '2025-12-31'),
  c('reported_done', '2026-03-05', '2026-03-05'),
  c('reported_done', '2026-03-05', '2026-03-06'),
  c('reported_done', '2026-03-20', '2026-03-01'),
  // a report cleared (returned) leaves the clock running
  c('reported_done', '2026-03-05', null),
  c('confirmed_done', '2026-03-05', '2026-03-05', '2026-03-05'),
  c('confirmed_done', '2026-03-05', '2026-03-06', '2026-03-06'),
  c('confirmed_done', '2026-01-05', '2026-01-02', '2026-01-02'),
  c('confirmed_done', '2026-03-20', null, null),
  c('confirmed_done', '2026-03-01', null, null),
];

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the SQL twin of deriveStatus', () => {
  it('gives the same status as the TypeScript rule on every case', async () => {
    const values = sql.join(
      CASES.map((t, i) => sql`(${i}::int, ${t.state}::text, ${t.deadline}::date, ${t.reportedOn}::date, ${t.completedOn}::date)`),
      sql`, `,
    );
    // the expression names "tasks"."state" etc.: a VALUES list aliased as tasks stands in for the table
    const rows = await database.db.execute(sql`select i, ${derivedStatusSql(AS_OF, SOON)} as status from (values ${values}) as tasks(i, state, deadline, reported_on, completed_on) order by i`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { i: number; status: string }[];
    expect(list.map((r) => r.status)).toEqual(CASES.map((t) => deriveStatus(t, AS_OF, SOON)));
    // the table covers every status
    expect(new Set(list.map((r) => r.status))).toEqual(new Set(['on_time', 'due_soon', 'overdue', 'done_on_time', 'done_late']));
  });
});

describe('the scoreboard counts', () => {
  it('count each case, through its rollup kind, in the column deriveStatus puts it in', async () => {
    const values = sql.join(
      CASES.map((t, i) => sql`(${i}::int, ${t.state}::text, ${t.deadline}::date, ${t.reportedOn}::date, ${t.completedOn}::date)`),
      sql`, `,
    );
    const p = rollupPredicates(AS_OF);
    // the predicates name "task_stat_counts"."kind" and "deadline": the cases' kinds stand in for the rollup's rows
    const rows = await database.db.execute(
      sql`select i, (${p.doneOnTime}) as done_on_time, (${p.doneLate}) as done_late, (${p.overdue}) as overdue
          from (select i, task_stat_kind(state, reported_on, completed_on, deadline) as kind, deadline from (values ${values}) as v(i, state, deadline, reported_on, completed_on)) as task_stat_counts
          order by i`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { done_on_time: boolean; done_late: boolean; overdue: boolean }[];
    const column = (r: (typeof list)[number]) => (r.done_on_time ? 'doneOnTime' : r.done_late ? 'doneLate' : r.overdue ? 'overdue' : 'inProgress');
    expect(list.map(column)).toEqual(CASES.map((t) => scoreboardBucket(deriveStatus(t, AS_OF, SOON))));
    // never two columns at once
    expect(list.every((r) => Number(r.done_on_time) + Number(r.done_late) + Number(r.overdue) <= 1)).toBe(true);
  });
});

describe('scoreboard rules', () => {
  it('puts due soon and on time in progress, and the rest in their own columns', () => {
    expect(['on_time', 'due_soon', 'overdue', 'done_on_time', 'done_late'].map((s) => scoreboardBucket(s as never))).toEqual(['inProgress', 'inProgress', 'overdue', 'doneOnTime', 'doneLate']);
  });

  it('rates on time over what could be judged, and gives no rate when nothing could', () => {
    expect(onTimeRate({ doneOnTime: 3, doneLate: 1, overdue: 4 })).toBe(3 / 8);
    expect(onTimeRate({ doneOnTime: 0, doneLate: 0, overdue: 2 })).toBe(0);
    expect(onTimeRate({ doneOnTime: 0, doneLate: 0, overdue: 0 })).toBeNull();
  });

  it('defaults to the Vietnam year to date', () => {
    // 31/12/2026 18:00 UTC is already 01/01/2027 in Vietnam
    expect(scoreboardPeriod({}, new Date('2026-12-31T18:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01', asOf: '2027-01-01' });
    expect(scoreboardPeriod({ to: '2026-06-30' }, new Date('2026-11-01T03:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-06-30', asOf: '2026-11-01' });
    expect(() => scoreboardPeriod({ from: '2026-07-01', to: '2026-06-30' }, new Date())).toThrow('Ngày bắt đầu');
  });
});
