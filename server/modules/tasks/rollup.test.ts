import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { newId } from '../../db/columns.js';
import { tasks, type TaskState } from './tables.js';
import { drainTaskStats, rebuildTaskStats, verifyTaskStats } from './rollup.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedTasks();
});

/** Tasks of every kind the rollup tells apart, over two agencies and a few days (the demo seed has none). */
async function seedTasks() {
  const [leader] = await rows<{ id: string; tenant_id: string; agency_id: string; full_name: string }>(sql`select id, tenant_id, agency_id, full_name from users where agency_id is not null order by username limit 1`);
  const agencyRows = await rows<{ id: string }>(sql`select id from agencies where tenant_id = ${leader!.tenant_id} order by id limit 2`);
  const shapes: [TaskState, string, string | null, string | null][] = [
    ['assigned', '2026-03-20', null, null],
    ['in_progress', '2026-01-09', null, null],
    ['reported_done', '2026-03-05', '2026-03-05', null],
    ['reported_done', '2026-03-05', '2026-03-06', null],
    ['reported_done', '2026-03-05', null, null],
    ['confirmed_done', '2026-03-05', '2026-03-05', '2026-03-05'],
    ['confirmed_done', '2026-03-05', '2026-03-06', '2026-03-06'],
    ['confirmed_done', '2026-03-20', null, null],
  ];
  const values = shapes.flatMap(([state, deadline, reportedOn, completedOn], i) =>
    agencyRows.map((a, j) => ({
      id: newId(),
      tenantId: leader!.tenant_id,
      content: `Nhiệm vụ thử ${i}-${j}`,
      sourceKind: 'instruction' as const,
      sourceReference: 'Chỉ đạo của Chủ tịch',
      priority: 'normal' as const,
      assignedBy: leader!.id,
      assignedByName: leader!.full_name,
      assignerAgencyId: leader!.agency_id,
      primaryAgencyId: a.id,
      state,
      assignedOn: `2026-01-0${1 + (i % 3)}`,
      deadline,
      originalDeadline: deadline,
      reportedOn,
      completedOn,
    })),
  );
  await database.db.insert(tasks).values(values);
}
afterAll(() => database.close());

const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = await database.db.execute(q);
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
};
const pending = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from outbox_events where topic = 'task'`))[0]!.n;
const counts = () => rows<{ kind: string; n: number }>(sql`select kind, sum(n)::int as n from task_stat_counts group by kind order by kind`);

describe('the task rollup', () => {
  it('reconciles with a recount of the seeded tasks once their changes are applied', async () => {
    const report = await verifyTaskStats(database.db);
    expect(report.differences).toEqual([]);
    expect(report.tasks).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
    const total = (await counts()).reduce((s, r) => s + r.n, 0);
    expect(total).toBe(report.tasks);
  });

  it('follows every kind of change made in SQL, through the trigger', async () => {
    const [a, b] = await rows<{ id: string }>(sql`select id from tasks order by id limit 2`);
    const [agency] = await rows<{ id: string }>(sql`select id from agencies where id <> (select primary_agency_id from tasks where id = ${a!.id}) limit 1`);
    await database.db.execute(sql`update tasks set state = 'confirmed_done', reported_on = deadline, completed_on = deadline where id = ${a!.id}`);
    await database.db.execute(sql`update tasks set primary_agency_id = ${agency!.id}, deadline = deadline - 400 where id = ${b!.id}`);
    // a change the scoreboard does not see writes nothing
    const before = await pending();
    await database.db.execute(sql`update tasks set progress = 40 where id = ${a!.id}`);
    expect(await pending()).toBe(before);
    // a new task, then gone
    const copy = newId();
    const [source] = await database.db.select().from(tasks).where(eq(tasks.id, b!.id));
    const { searchText: _derived, ...columns } = source!;
    await database.db.insert(tasks).values({ ...columns, id: copy, state: 'assigned', seriesId: null, recurrence: null, periodLabel: null, reportedOn: null, completedOn: null });
    expect(await pending()).toBe(before + 1);
    await drainTaskStats(database.db);
    expect((await verifyTaskStats(database.db)).differences).toEqual([]);
    await database.db.execute(sql`delete from tasks where id = ${copy}`);
    expect((await verifyTaskStats(database.db)).differences).toEqual([]);
  });

  it('applies an entity twice without counting it twice', async () => {
    const before = await counts();
    await database.db.execute(sql`insert into outbox_events (tenant_id, topic, entity_id) select tenant_id, 'task', id from tasks`);
    await database.db.execute(sql`insert into outbox_events (tenant_id, topic, entity_id) select tenant_id, 'task', id from tasks`);
    expect(await drainTaskStats(database.db)).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('reports a tampered count and is repaired by a rebuild', async () => {
    await database.db.execute(sql`update task_stat_counts set n = n + 1 where ctid = (select ctid from task_stat_counts where n > 0 limit 1)`);
    const report = await verifyTaskStats(database.db);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]!.rollup).toBe(report.differences[0]!.recount + 1);
    await rebuildTaskStats(database.db);
    expect((await verifyTaskStats(database.db)).differences).toEqual([]);
  });
});
