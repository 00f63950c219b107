import { and, asc, count, eq, getTableColumns, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { files } from '../../platform/files/tables.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { agencies, positions, userRoles, users } from '../org/tables.js';
import type { DerivedStatus } from './derived-status.js';
import type { TaskView } from './schemas.js';
import { taskCoordinators, taskEvents, taskExtensions, taskReportFiles, taskReports, tasks } from './tables.js';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = Omit<typeof tasks.$inferInsert, 'searchText'>;

const primaryAgency = alias(agencies, 'primary_agency');
const primaryUser = alias(users, 'primary_user');
const withNames = { ...getTableColumns(tasks), primaryAgencyName: primaryAgency.name, primaryUserName: primaryUser.fullName };
export type TaskListRow = TaskRow & { primaryAgencyName: string; primaryUserName: string | null };

export async function insertTask(tx: Db, row: TaskInsert, coordinatingAgencyIds: string[]) {
  await tx.insert(tasks).values(row);
  if (coordinatingAgencyIds.length) await tx.insert(taskCoordinators).values(coordinatingAgencyIds.map((agencyId) => ({ tenantId: row.tenantId, taskId: row.id!, agencyId })));
}

export async function getTask(db: Db, tenantId: string, id: string): Promise<TaskListRow | null> {
  const [row] = await db
    .select(withNames)
    .from(tasks)
    .innerJoin(primaryAgency, eq(primaryAgency.id, tasks.primaryAgencyId))
    .leftJoin(primaryUser, eq(primaryUser.id, tasks.primaryUserId))
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
  return row ?? null;
}

/** The task row locked for a change: concurrent changes to one task queue here. */
export async function lockTask(tx: Db, tenantId: string, id: string): Promise<TaskRow | null> {
  const [row] = await tx.select().from(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id))).for('update');
  return row ?? null;
}

export async function updateTask(tx: Db, tenantId: string, id: string, values: Partial<TaskInsert>) {
  await tx.update(tasks).set({ ...values, updatedAt: new Date() }).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

export async function getCoordinators(db: Db, tenantId: string, taskId: string) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(taskCoordinators)
    .innerJoin(agencies, eq(agencies.id, taskCoordinators.agencyId))
    .where(and(eq(taskCoordinators.tenantId, tenantId), eq(taskCoordinators.taskId, taskId)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
}

/** Files the user uploaded in the tenant that no task report holds yet (locked while attaching). */
export async function findAttachableFiles(tx: Db, tenantId: string, userId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.createdBy, userId), inArray(files.id, ids), sql`not exists (select 1 from ${taskReportFiles} where ${taskReportFiles.fileId} = ${files.id})`))
    .for('update');
}

export async function insertReport(tx: Db, row: typeof taskReports.$inferInsert, fileIds: string[]) {
  await tx.insert(taskReports).values(row);
  if (fileIds.length) await tx.insert(taskReportFiles).values(fileIds.map((fileId) => ({ tenantId: row.tenantId, reportId: row.id!, fileId })));
}

export async function getReports(db: Db, tenantId: string, taskId: string) {
  const [reports, attached] = await Promise.all([
    db
      .select({ ...getTableColumns(taskReports), agencyName: agencies.name })
      .from(taskReports)
      .innerJoin(agencies, eq(agencies.id, taskReports.agencyId))
      .where(and(eq(taskReports.tenantId, tenantId), eq(taskReports.taskId, taskId)))
      .orderBy(asc(taskReports.at), asc(taskReports.id)),
    db
      .select({ reportId: taskReportFiles.reportId, id: files.id, name: files.name, mime: files.mime, size: files.size })
      .from(taskReportFiles)
      .innerJoin(taskReports, eq(taskReports.id, taskReportFiles.reportId))
      .innerJoin(files, eq(files.id, taskReportFiles.fileId))
      .where(and(eq(taskReportFiles.tenantId, tenantId), eq(taskReports.taskId, taskId)))
      .orderBy(asc(files.name)),
  ]);
  return reports.map((r) => ({ ...r, files: attached.filter((f) => f.reportId === r.id) }));
}

export async function getTaskFile(db: Db, tenantId: string, taskId: string, fileId: string) {
  const [row] = await db
    .select(getTableColumns(files))
    .from(taskReportFiles)
    .innerJoin(taskReports, eq(taskReports.id, taskReportFiles.reportId))
    .innerJoin(files, eq(files.id, taskReportFiles.fileId))
    .where(and(eq(taskReportFiles.tenantId, tenantId), eq(taskReports.taskId, taskId), eq(taskReportFiles.fileId, fileId)));
  return row ?? null;
}

export async function getExtensions(db: Db, tenantId: string, taskId: string) {
  return db
    .select()
    .from(taskExtensions)
    .where(and(eq(taskExtensions.tenantId, tenantId), eq(taskExtensions.taskId, taskId)))
    .orderBy(asc(taskExtensions.requestedAt), asc(taskExtensions.id));
}

export async function insertExtension(tx: Db, row: typeof taskExtensions.$inferInsert) {
  await tx.insert(taskExtensions).values(row);
}

export async function decideExtension(tx: Db, tenantId: string, id: string, values: Partial<typeof taskExtensions.$inferInsert>) {
  await tx.update(taskExtensions).set(values).where(and(eq(taskExtensions.tenantId, tenantId), eq(taskExtensions.id, id)));
}

export async function addEvent(tx: Db, row: typeof taskEvents.$inferInsert) {
  await tx.insert(taskEvents).values(row);
}

export async function getEvents(db: Db, tenantId: string, taskId: string) {
  return db
    .select()
    .from(taskEvents)
    .where(and(eq(taskEvents.tenantId, tenantId), eq(taskEvents.taskId, taskId)))
    .orderBy(asc(taskEvents.at), asc(taskEvents.id));
}

export interface ListActor {
  tenantId: string;
  userId: string;
  agencyId: string;
  /** leaders and clerks act for their agency: its tasks are theirs */
  handlesForAgency: boolean;
}

/** Mirrors deriveStatus() (derived-status.ts) so lists filter by it; the tests check they agree. */
export function derivedStatusSql(today: string, dueSoonUntil: string): SQL<DerivedStatus> {
  return sql<DerivedStatus>`case
    when ${tasks.state} = 'confirmed_done' then case when coalesce(${tasks.completedOn}, ${today}::date) <= ${tasks.deadline} then 'done_on_time' else 'done_late' end
    when ${tasks.state} = 'reported_done' and ${tasks.reportedOn} is not null then case when ${tasks.reportedOn} <= ${tasks.deadline} then 'on_time' else 'overdue' end
    when ${tasks.deadline} < ${today}::date then 'overdue'
    when ${tasks.deadline} <= ${dueSoonUntil}::date then 'due_soon'
    else 'on_time' end`;
}

const coordinatedBy = (agencyId: string) =>
  sql`exists (select 1 from ${taskCoordinators} where ${taskCoordinators.taskId} = ${tasks.id} and ${taskCoordinators.agencyId} = ${agencyId})`;

function viewWhere(view: TaskView, x: ListActor, status: SQL<DerivedStatus>): SQL {
  const mine = x.handlesForAgency ? or(eq(tasks.primaryUserId, x.userId), eq(tasks.primaryAgencyId, x.agencyId))! : eq(tasks.primaryUserId, x.userId);
  const agency = or(eq(tasks.primaryAgencyId, x.agencyId), coordinatedBy(x.agencyId))!;
  switch (view) {
    case 'mine':
      return mine;
    case 'assigned_by_me':
      return eq(tasks.assignedBy, x.userId);
    case 'agency':
      return agency;
    case 'overdue':
      return and(or(mine, eq(tasks.assignedBy, x.userId), agency), sql`${status} = 'overdue'`)!;
  }
}

export async function findTasks(
  db: Db,
  x: ListActor,
  f: { view: TaskView; status?: DerivedStatus | undefined; q?: string | undefined; today: string; dueSoonUntil: string; limit: number; offset: number },
) {
  const status = derivedStatusSql(f.today, f.dueSoonUntil);
  const words = f.q ? likePatterns(f.q).map((p) => like(tasks.searchText, p)) : [];
  const where = and(eq(tasks.tenantId, x.tenantId), viewWhere(f.view, x, status), f.status ? sql`${status} = ${f.status}` : undefined, ...words);
  const [items, [total]] = await Promise.all([
    db
      .select(withNames)
      .from(tasks)
      .innerJoin(primaryAgency, eq(primaryAgency.id, tasks.primaryAgencyId))
      .leftJoin(primaryUser, eq(primaryUser.id, tasks.primaryUserId))
      .where(where)
      .orderBy(asc(sql`${tasks.state} = 'confirmed_done'`), asc(tasks.deadline), asc(tasks.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}


/**
 * Who acts for an agency on its tasks: its active leaders and clerks (the roles holding `task.handle`),
 * for notices when the task names no person.
 */
export async function findAgencyHandlers(db: Db, tenantId: string, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), eq(users.agencyId, agencyId), eq(users.active, true), inArray(userRoles.role, ['leader', 'clerk'])))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/**
 * The head of an agency: its active leader whose position ranks first (lowest `rank`: Giám đốc before
 * Phó Giám đốc); a leader without a position comes after those with one. Null when it has no leader.
 */
export async function findAgencyHead(db: Db, tenantId: string, agencyId: string): Promise<{ id: string; fullName: string } | null> {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'leader')))
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(users.tenantId, tenantId), eq(users.agencyId, agencyId), eq(users.active, true)))
    .orderBy(sql`${positions.rank} asc nulls last`, asc(users.fullName), asc(users.id))
    .limit(1);
  return row ?? null;
}

/** The tasks a meeting's conclusion or a delegation's visit gave, in the order they were given. */
export function tasksBySource(db: Db, tenantId: string, source: { meetingId: string } | { delegationId: string }) {
  return db
    .select({ id: tasks.id, content: tasks.content, primaryAgencyName: primaryAgency.name, deadline: tasks.deadline, state: tasks.state, reportedOn: tasks.reportedOn, completedOn: tasks.completedOn, progress: tasks.progress })
    .from(tasks)
    .innerJoin(primaryAgency, eq(primaryAgency.id, tasks.primaryAgencyId))
    .where(and(eq(tasks.tenantId, tenantId), 'meetingId' in source ? eq(tasks.sourceMeetingId, source.meetingId) : eq(tasks.sourceDelegationId, source.delegationId)))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
}
