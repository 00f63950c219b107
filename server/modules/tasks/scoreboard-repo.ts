import { and, asc, between, count, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { agencies, users } from '../org/tables.js';
import type { DerivedStatus } from './derived-status.js';
import { derivedStatusSql, type TaskListRow } from './repo.js';
import { catchUpTaskStats } from './rollup.js';
import { tasks, taskStatCounts } from './tables.js';

export interface ScoreboardCounts {
  agencyId: string;
  agencyName: string;
  agencyType: string;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

/**
 * The scoreboard's numbers per primary agency for the tasks assigned in [from, to], summed from the rollup
 * (task_stat_counts, current once the pending task changes are applied) rather than from the tasks: a year of a
 * province is a few thousand rows, not 200,000 tasks. The agencies' names are joined to the ~130 groups after summing.
 * Due soon and on time both count as in progress, so the due-soon horizon is irrelevant here.
 */
export async function scoreboardCounts(
  db: Db,
  tenantId: string,
  f: { from: string; to: string; asOf: string; agencyTypes: readonly string[] | null; agencyId: string | null },
): Promise<ScoreboardCounts[]> {
  await catchUpTaskStats(db);
  const { doneOnTime, doneLate, overdue } = rollupPredicates(f.asOf);
  const c = taskStatCounts;
  const perAgency = db
    .select({
      agencyId: c.agencyId,
      assigned: sql<number>`sum(${c.n})::int`.as('assigned'),
      doneOnTime: sql<number>`coalesce(sum(${c.n}) filter (where ${doneOnTime}), 0)::int`.as('done_on_time'),
      doneLate: sql<number>`coalesce(sum(${c.n}) filter (where ${doneLate}), 0)::int`.as('done_late'),
      overdue: sql<number>`coalesce(sum(${c.n}) filter (where ${overdue}), 0)::int`.as('overdue'),
    })
    .from(c)
    .where(and(eq(c.tenantId, tenantId), between(c.assignedOn, f.from, f.to), f.agencyId ? eq(c.agencyId, f.agencyId) : undefined))
    .groupBy(c.agencyId)
    .having(sql`sum(${c.n}) <> 0`)
    .as('per_agency');
  const rows = await db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      agencyType: agencies.type,
      assigned: perAgency.assigned,
      doneOnTime: perAgency.doneOnTime,
      doneLate: perAgency.doneLate,
      overdue: perAgency.overdue,
    })
    .from(perAgency)
    .innerJoin(agencies, eq(agencies.id, perAgency.agencyId))
    .where(f.agencyTypes ? inArray(agencies.type, [...f.agencyTypes]) : undefined)
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
  return rows.map((r) => ({ ...r, inProgress: r.assigned - r.doneOnTime - r.doneLate - r.overdue }));
}

/**
 * deriveStatus() on `asOf` over the rollup's kinds (task_stat_kind in migration 0025): the settled kinds count where they
 * are, a confirmed task without a day is judged on `asOf`, an open one is overdue once its deadline is before `asOf`.
 */
export function rollupPredicates(asOf: string) {
  const c = taskStatCounts;
  return {
    doneOnTime: sql`(${c.kind} = 'done_on_time' or (${c.kind} = 'confirmed_undated' and ${asOf}::date <= ${c.deadline}))`,
    doneLate: sql`(${c.kind} = 'done_late' or (${c.kind} = 'confirmed_undated' and ${asOf}::date > ${c.deadline}))`,
    overdue: sql`(${c.kind} = 'reported_late' or (${c.kind} = 'open' and ${c.deadline} < ${asOf}::date))`,
  };
}

/** The tenant's agencies for the import: matched by name, short name or identifier code. */
export async function agencyDirectory(db: Db, tenantId: string) {
  return db
    .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName, type: agencies.type, identifierCode: agencies.identifierCode, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.tenantId, tenantId))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
}

/** People named in an import by their user name (the Excel sheet cannot carry ids). */
export async function usersByUsername(db: Db, tenantId: string, usernames: string[]) {
  if (usernames.length === 0) return [];
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName, agencyId: users.agencyId, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(sql`lower(${users.username})`, usernames.map((u) => u.toLowerCase()))));
}

const primaryAgency = alias(agencies, 'primary_agency');
const primaryUser = alias(users, 'primary_user');

/** The tasks behind one number of the scoreboard: one agency, one period, statuses on `asOf`. */
export async function scoreboardTasks(
  db: Db,
  tenantId: string,
  f: { agencyId: string; from: string; to: string; asOf: string; statuses: DerivedStatus[]; limit: number; offset: number },
): Promise<{ items: TaskListRow[]; total: number }> {
  const status = derivedStatusSql(f.asOf, f.asOf);
  const where = and(eq(tasks.tenantId, tenantId), between(tasks.assignedOn, f.from, f.to), eq(tasks.primaryAgencyId, f.agencyId), inArray(status, f.statuses));
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(tasks), primaryAgencyName: primaryAgency.name, primaryUserName: primaryUser.fullName })
      .from(tasks)
      .innerJoin(primaryAgency, eq(primaryAgency.id, tasks.primaryAgencyId))
      .leftJoin(primaryUser, eq(primaryUser.id, tasks.primaryUserId))
      .where(where)
      .orderBy(asc(tasks.deadline), asc(tasks.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
