/**
 * The scoreboard's rollup (task_stat_counts), kept current from the outbox: a trigger on `tasks` records each change
 * that matters, and refreshing a task subtracts its last counted contribution (task_stat_facts) and adds the current
 * one. `rebuildTaskStats` recounts from the tasks; `verifyTaskStats` compares the rollup with that recount.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { catchUpOutbox, drainOutbox, type OutboxConsumer } from '../../platform/jobs/outbox.js';

export const TASK_TOPIC = 'task';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The current contribution of the tasks matched by `where` (a fragment on alias t), in the facts' columns. */
const currentFacts = (where: ReturnType<typeof sql>) => sql`
  select id as task_id, tenant_id, primary_agency_id as agency_id, assigned_on, k as kind,
    case when k in ('confirmed_undated', 'open') then deadline end as deadline
  from (select t.id, t.tenant_id, t.primary_agency_id, t.assigned_on, t.deadline, task_stat_kind(t.state, t.reported_on, t.completed_on, t.deadline) as k
        from tasks t where ${where}) s`;

/** Refreshes the rollup for these tasks of one tenant (deleted tasks only leave). The caller holds the topic's lock. */
async function refreshTasks(tx: Db, tenantId: string, ids: string[]): Promise<void> {
  const idList = sql`${`{${ids.join(',')}}`}::uuid[]`;
  await tx.execute(sql`
    insert into task_stat_counts as c (tenant_id, assigned_on, agency_id, kind, deadline, n)
    select tenant_id, assigned_on, agency_id, kind, deadline, sum(d)::int from (
      select tenant_id, assigned_on, agency_id, kind, deadline, -1 as d from task_stat_facts where tenant_id = ${tenantId} and task_id = any(${idList})
      union all
      select tenant_id, assigned_on, agency_id, kind, deadline, 1 from (${currentFacts(sql`t.tenant_id = ${tenantId} and t.id = any(${idList})`)}) cur
    ) delta
    group by tenant_id, assigned_on, agency_id, kind, deadline
    having sum(d) <> 0
    on conflict on constraint task_stat_counts_key do update set n = c.n + excluded.n`);
  await tx.execute(sql`delete from task_stat_facts where tenant_id = ${tenantId} and task_id = any(${idList})`);
  await tx.execute(sql`
    insert into task_stat_facts (task_id, tenant_id, agency_id, assigned_on, kind, deadline)
    ${currentFacts(sql`t.tenant_id = ${tenantId} and t.id = any(${idList})`)}`);
}

export const refreshTaskStats: OutboxConsumer = async (tx, changes) => {
  for (const [tenantId, ids] of changes) await refreshTasks(tx, tenantId, ids);
};

/** Applies the pending task changes: a reader calls it first so that it sees its own writes. */
export const catchUpTaskStats = (db: Db) => catchUpOutbox(db, TASK_TOPIC, refreshTaskStats);

/** Applies every pending task change (the scheduled job). */
export const drainTaskStats = (db: Db) => drainOutbox(db, TASK_TOPIC, refreshTaskStats);

/** Recounts the rollup from the tasks (after a bulk load, or to repair), dropping the pending task changes it covers. */
export async function rebuildTaskStats(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`outbox:${TASK_TOPIC}`}, 0))`);
    await tx.execute(sql`delete from outbox_events where topic = ${TASK_TOPIC}`);
    await tx.execute(sql`delete from task_stat_facts`);
    await tx.execute(sql`delete from task_stat_counts`);
    await tx.execute(sql`insert into task_stat_facts (task_id, tenant_id, agency_id, assigned_on, kind, deadline) ${currentFacts(sql`true`)}`);
    await tx.execute(sql`
      insert into task_stat_counts (tenant_id, assigned_on, agency_id, kind, deadline, n)
      select tenant_id, assigned_on, agency_id, kind, deadline, count(*)::int from task_stat_facts group by 1, 2, 3, 4, 5`);
  });
}

export interface RollupDifference {
  key: string;
  rollup: number;
  recount: number;
}

/**
 * The rollup against a full recount of the tasks, after applying what is pending: every key whose count differs
 * (empty when they reconcile exactly).
 */
export async function verifyTaskStats(db: Db): Promise<{ rows: number; tasks: number; differences: RollupDifference[] }> {
  await drainTaskStats(db);
  const diff = rowsOf<{ key: string; rollup: number; recount: number }>(
    await db.execute(sql`
      with recount as (
        select tenant_id, assigned_on, agency_id, kind, deadline, count(*)::int as n from (${currentFacts(sql`true`)}) f group by 1, 2, 3, 4, 5
      ), rollup as (select tenant_id, assigned_on, agency_id, kind, deadline, n from task_stat_counts where n <> 0)
      select concat_ws(' ', coalesce(r.tenant_id, c.tenant_id), coalesce(r.assigned_on, c.assigned_on), coalesce(r.agency_id, c.agency_id),
          coalesce(r.kind, c.kind), coalesce(r.deadline, c.deadline)) as key,
        coalesce(r.n, 0) as rollup, coalesce(c.n, 0) as recount
      from rollup r full join recount c
        on c.tenant_id = r.tenant_id and c.assigned_on = r.assigned_on and c.agency_id = r.agency_id and c.kind = r.kind and c.deadline is not distinct from r.deadline
      where coalesce(r.n, 0) <> coalesce(c.n, 0)
      order by 1 limit 100`),
  );
  const [sizes] = rowsOf<{ rows: number; tasks: number }>(
    await db.execute(sql`select (select count(*)::int from task_stat_counts where n <> 0) as rows, (select count(*)::int from tasks) as tasks`),
  );
  return { rows: sizes?.rows ?? 0, tasks: sizes?.tasks ?? 0, differences: diff };
}

/** Tasks assigned per month (YYYY-MM) of [from, to], from the rollup: the dashboard's trend. */
export async function tasksAssignedByMonth(db: Db, tenantId: string, from: string, to: string, agencyId: string | null): Promise<Map<string, number>> {
  const rows = rowsOf<{ month: string; n: number }>(
    await db.execute(sql`
      select to_char(assigned_on, 'YYYY-MM') as month, sum(n)::int as n from task_stat_counts
      where tenant_id = ${tenantId} and assigned_on between ${from} and ${to} ${agencyId ? sql`and agency_id = ${agencyId}` : sql``}
      group by 1`),
  );
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}
