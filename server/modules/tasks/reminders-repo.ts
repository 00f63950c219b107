import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { tenants } from '../org/tables.js';
import { taskReminders, tasks, type ReminderKind } from './tables.js';
import { URGEABLE_STATES } from './state-machine.js';

export async function listTenantIds(db: Db): Promise<string[]> {
  return (await db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.id))).map((r) => r.id);
}

/**
 * Open tasks (not yet reported done) whose deadline lies in [from, to] and that have not had the reminder
 * `kind` for that deadline: a moved deadline (approved extension) is a new one and is reminded again.
 */
export async function findUnreminded(db: Db, tenantId: string, kind: ReminderKind, range: { from?: string; to: string }, limit: number) {
  return db
    .select({ id: tasks.id, deadline: tasks.deadline })
    .from(tasks)
    .where(
      and(
        eq(tasks.tenantId, tenantId),
        inArray(tasks.state, [...URGEABLE_STATES]),
        range.from ? gte(tasks.deadline, range.from) : undefined,
        lte(tasks.deadline, range.to),
        sql`not exists (select 1 from ${taskReminders} r where r.tenant_id = ${tasks.tenantId} and r.task_id = ${tasks.id} and r.kind = ${kind} and r.deadline = ${tasks.deadline})`,
      ),
    )
    .orderBy(asc(tasks.deadline), asc(tasks.id))
    .limit(limit);
}

/** The reminder's row: its primary key makes it once per task, kind and deadline. False when already there. */
export async function claimReminder(tx: Db, row: typeof taskReminders.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(taskReminders).values(row).onConflictDoNothing().returning({ taskId: taskReminders.taskId });
  return inserted.length > 0;
}
