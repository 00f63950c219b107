import { and, asc, eq, getTableColumns, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import type { TaskInsert, TaskRow } from './repo.js';
import { taskCoordinators, tasks } from './tables.js';

const first = alias(tasks, 'first');

/**
 * The last task of each series whose period is over (deadline passed, or confirmed done), across tenants.
 * A series whose end date comes before its next period is left out: clamping moves a deadline back by at
 * most three days, so a next deadline is never earlier than one period after the last minus three days.
 */
export async function findSeriesDue(db: Db, today: string, limit: number): Promise<(TaskRow & { anchorDeadline: string })[]> {
  const months = sql`case ${tasks.recurrence} when 'monthly' then 1 when 'quarterly' then 3 else 12 end`;
  return db
    .select({ ...getTableColumns(tasks), anchorDeadline: first.originalDeadline })
    .from(tasks)
    .innerJoin(first, and(eq(first.tenantId, tasks.tenantId), eq(first.id, tasks.seriesId)))
    .where(
      and(
        isNotNull(tasks.seriesId),
        isNotNull(tasks.recurrence),
        or(sql`${tasks.deadline} < ${today}::date`, eq(tasks.state, 'confirmed_done')),
        sql`not exists (select 1 from ${tasks} as later where later.tenant_id = ${tasks.tenantId} and later.series_id = ${tasks.seriesId} and later.original_deadline > ${tasks.originalDeadline})`,
        sql`(${tasks.recurrenceUntil} is null or ${tasks.recurrenceUntil} >= ${tasks.originalDeadline} + make_interval(months => ${months}) - interval '3 days')`,
      ),
    )
    .orderBy(asc(tasks.originalDeadline), asc(tasks.id))
    .limit(limit) as Promise<(TaskRow & { anchorDeadline: string })[]>;
}

/** The next period's task, unless that period exists already (unique series and deadline): false then. */
export async function insertPeriodTask(tx: Db, row: TaskInsert, coordinatingAgencyIds: string[]): Promise<boolean> {
  const inserted = await tx.insert(tasks).values(row).onConflictDoNothing().returning({ id: tasks.id });
  if (inserted.length === 0) return false;
  if (coordinatingAgencyIds.length) await tx.insert(taskCoordinators).values(coordinatingAgencyIds.map((agencyId) => ({ tenantId: row.tenantId, taskId: row.id!, agencyId })));
  return true;
}
