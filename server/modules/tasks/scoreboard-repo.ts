import { and, asc, between, count, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { agencies, users } from '../org/tables.js';
import type { DerivedStatus } from './derived-status.js';
import { derivedStatusSql, type TaskListRow } from './repo.js';
import { tasks } from './tables.js';

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
 * One aggregate over the tasks assigned in [from, to] (tasks_scoreboard_idx: tenant, assigned_on, agency and the
 * four columns the status needs, so a vacuumed table is read from the index alone), counted per primary agency;
 * the agencies' names are joined to the ~130 groups only, after counting.
 * The filters are deriveStatus() on `asOf` spelled as three predicates (a test holds them to deriveStatus): no
 * status string is built per task, which halves the CPU of a year's scoreboard. Due soon and on time both count
 * as in progress, so the due-soon horizon is irrelevant here.
 */
export async function scoreboardCounts(
  db: Db,
  tenantId: string,
  f: { from: string; to: string; asOf: string; agencyTypes: readonly string[] | null; agencyId: string | null },
): Promise<ScoreboardCounts[]> {
  const { doneOnTime, doneLate, overdue } = scoreboardPredicates(f.asOf);
  const perAgency = db
    .select({
      agencyId: tasks.primaryAgencyId,
      assigned: sql<number>`count(*)::int`.as('assigned'),
      doneOnTime: sql<number>`(count(*) filter (where ${doneOnTime}))::int`.as('done_on_time'),
      doneLate: sql<number>`(count(*) filter (where ${doneLate}))::int`.as('done_late'),
      overdue: sql<number>`(count(*) filter (where ${overdue}))::int`.as('overdue'),
    })
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), between(tasks.assignedOn, f.from, f.to), f.agencyId ? eq(tasks.primaryAgencyId, f.agencyId) : undefined))
    .groupBy(tasks.primaryAgencyId)
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

/** deriveStatus() on `asOf` as the scoreboard's three counted statuses (done on time, done late, overdue). */
export function scoreboardPredicates(asOf: string) {
  const reported = sql`(${tasks.state} = 'reported_done' and ${tasks.reportedOn} is not null)`;
  return {
    doneOnTime: sql`${tasks.state} = 'confirmed_done' and coalesce(${tasks.completedOn}, ${asOf}::date) <= ${tasks.deadline}`,
    doneLate: sql`${tasks.state} = 'confirmed_done' and coalesce(${tasks.completedOn}, ${asOf}::date) > ${tasks.deadline}`,
    overdue: sql`case when ${tasks.state} = 'confirmed_done' then false when ${reported} then ${tasks.reportedOn} > ${tasks.deadline} else ${tasks.deadline} < ${asOf}::date end`,
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
