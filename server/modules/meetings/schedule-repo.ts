import { and, asc, eq, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { agencies, positions, tenants, userRoles, users } from '../org/tables.js';
import { meetings, rooms, scheduleEntries, scheduleEntryLeaders, scheduleWeeks } from './tables.js';

export type WeekRow = typeof scheduleWeeks.$inferSelect;
export type EntryInsert = typeof scheduleEntries.$inferInsert;

export interface EntryLeader {
  id: string;
  fullName: string;
  positionName: string | null;
}

/** One entry with what a reader needs: room, preparing agency and leaders (by rank) in the same row. */
const entryColumns = {
  id: scheduleEntries.id,
  weekId: scheduleEntries.weekId,
  startsAt: scheduleEntries.startsAt,
  endsAt: scheduleEntries.endsAt,
  roomId: scheduleEntries.roomId,
  roomName: rooms.name,
  roomLocation: rooms.location,
  place: scheduleEntries.place,
  content: scheduleEntries.content,
  preparingAgencyId: scheduleEntries.preparingAgencyId,
  preparingAgencyName: agencies.name,
  participants: scheduleEntries.participants,
  meetingId: scheduleEntries.meetingId,
  createdAt: scheduleEntries.createdAt,
  updatedAt: scheduleEntries.updatedAt,
  leaders: sql<EntryLeader[]>`coalesce((
    select json_agg(json_build_object('id', u.id, 'fullName', u.full_name, 'positionName', p.name) order by coalesce(p.rank, 1000), u.full_name)
    from ${scheduleEntryLeaders} l join ${users} u on u.id = l.user_id left join ${positions} p on p.id = u.position_id
    where l.tenant_id = ${scheduleEntries.tenantId} and l.entry_id = ${scheduleEntries.id}), '[]'::json)`,
};

const entriesWithNames = (db: Db) =>
  db.select(entryColumns).from(scheduleEntries).leftJoin(rooms, eq(rooms.id, scheduleEntries.roomId)).leftJoin(agencies, eq(agencies.id, scheduleEntries.preparingAgencyId));

export async function getWeek(db: Db, tenantId: string, weekStart: string): Promise<WeekRow | null> {
  const [row] = await db.select().from(scheduleWeeks).where(and(eq(scheduleWeeks.tenantId, tenantId), eq(scheduleWeeks.weekStart, weekStart)));
  return row ?? null;
}

/** The week row, made on its first entry, locked: every change to one week queues here. */
export async function lockOrCreateWeek(tx: Db, tenantId: string, weekStart: string, id: string): Promise<WeekRow> {
  await tx.insert(scheduleWeeks).values({ id, tenantId, weekStart }).onConflictDoNothing();
  const [row] = await tx.select().from(scheduleWeeks).where(and(eq(scheduleWeeks.tenantId, tenantId), eq(scheduleWeeks.weekStart, weekStart))).for('update');
  return row!;
}

export async function lockWeek(tx: Db, tenantId: string, weekStart: string): Promise<WeekRow | null> {
  const [row] = await tx.select().from(scheduleWeeks).where(and(eq(scheduleWeeks.tenantId, tenantId), eq(scheduleWeeks.weekStart, weekStart))).for('update');
  return row ?? null;
}

export async function updateWeek(tx: Db, tenantId: string, id: string, values: Partial<typeof scheduleWeeks.$inferInsert>) {
  await tx.update(scheduleWeeks).set({ ...values, updatedAt: new Date() }).where(and(eq(scheduleWeeks.tenantId, tenantId), eq(scheduleWeeks.id, id)));
}

/** The entries starting in [from, to): one range scan of schedule_entries_time_idx. */
export async function findEntries(db: Db, tenantId: string, from: Date, to: Date) {
  return entriesWithNames(db)
    .where(and(eq(scheduleEntries.tenantId, tenantId), gte(scheduleEntries.startsAt, from), lt(scheduleEntries.startsAt, to)))
    .orderBy(asc(scheduleEntries.startsAt), asc(scheduleEntries.id));
}
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

export async function getEntry(db: Db, tenantId: string, id: string): Promise<EntryRow | null> {
  const [row] = await entriesWithNames(db).where(and(eq(scheduleEntries.tenantId, tenantId), eq(scheduleEntries.id, id)));
  return row ?? null;
}

export async function insertEntry(tx: Db, row: EntryInsert, leaderIds: string[]) {
  await tx.insert(scheduleEntries).values(row);
  await tx.insert(scheduleEntryLeaders).values(leaderIds.map((userId) => ({ tenantId: row.tenantId, entryId: row.id!, userId })));
}

export async function updateEntry(tx: Db, tenantId: string, id: string, values: Partial<EntryInsert>, leaderIds?: string[]) {
  await tx.update(scheduleEntries).set({ ...values, updatedAt: new Date() }).where(and(eq(scheduleEntries.tenantId, tenantId), eq(scheduleEntries.id, id)));
  if (leaderIds) {
    await tx.delete(scheduleEntryLeaders).where(and(eq(scheduleEntryLeaders.tenantId, tenantId), eq(scheduleEntryLeaders.entryId, id)));
    await tx.insert(scheduleEntryLeaders).values(leaderIds.map((userId) => ({ tenantId, entryId: id, userId })));
  }
}

export async function deleteEntry(tx: Db, tenantId: string, id: string) {
  await tx.delete(scheduleEntryLeaders).where(and(eq(scheduleEntryLeaders.tenantId, tenantId), eq(scheduleEntryLeaders.entryId, id)));
  await tx.delete(scheduleEntries).where(and(eq(scheduleEntries.tenantId, tenantId), eq(scheduleEntries.id, id)));
}

/** Meetings (not cancelled) overlapping [from, to) that hold a room or have a chair: for the conflict flags. */
export async function findMeetingBookings(db: Db, tenantId: string, from: Date, to: Date) {
  // a meeting starting more than a week before the window cannot reach into it; this bounds the index scan
  const earliest = new Date(from.getTime() - 7 * 86_400_000);
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, roomId: meetings.roomId, chairUserId: meetings.chairUserId })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), gte(meetings.startsAt, earliest), lt(meetings.startsAt, to), gt(meetings.endsAt, from), ne(meetings.state, 'cancelled')));
}

/** Active users of the tenant among `ids` who hold the leader role. */
export async function findLeaders(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'leader')))
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids), eq(users.active, true)));
}

/** The province's leaders for the schedule: leaders of the People's Committee first, then of the Office. */
export async function listLeaders(db: Db, tenantId: string) {
  return db
    .select({ id: users.id, fullName: users.fullName, positionName: positions.name, agencyName: agencies.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'leader')))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(users.tenantId, tenantId), eq(users.active, true), inArray(agencies.type, ['province_committee', 'provincial_office'])))
    .orderBy(asc(agencies.sortOrder), asc(sql`coalesce(${positions.rank}, 1000)`), asc(users.fullName));
}

export async function getRoom(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ id: rooms.id, name: rooms.name, active: rooms.active }).from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
  return row ?? null;
}

export async function getAgencyRef(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name, type: agencies.type, active: agencies.active }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

/** The public pages name a province by its code (no login, so no tenant from a session). */
export async function tenantByCode(db: Db, code: string) {
  const [row] = await db.select({ id: tenants.id, name: tenants.name, code: tenants.code }).from(tenants).where(eq(tenants.code, code));
  return row ?? null;
}

export async function tenantCode(db: Db, tenantId: string) {
  const [row] = await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.code ?? null;
}

/** Published entries starting in [from, to), optionally of one leader, with their week's revision: the iCalendar feed. */
export async function findPublishedEntries(db: Db, tenantId: string, from: Date, to: Date, leaderId?: string) {
  return db
    .select({ ...entryColumns, revision: scheduleWeeks.revision, publishedAt: scheduleWeeks.publishedAt })
    .from(scheduleEntries)
    .innerJoin(scheduleWeeks, eq(scheduleWeeks.id, scheduleEntries.weekId))
    .leftJoin(rooms, eq(rooms.id, scheduleEntries.roomId))
    .leftJoin(agencies, eq(agencies.id, scheduleEntries.preparingAgencyId))
    .where(
      and(
        eq(scheduleEntries.tenantId, tenantId),
        gte(scheduleEntries.startsAt, from),
        lt(scheduleEntries.startsAt, to),
        eq(scheduleWeeks.state, 'published'),
        leaderId ? sql`exists (select 1 from ${scheduleEntryLeaders} l where l.tenant_id = ${scheduleEntries.tenantId} and l.entry_id = ${scheduleEntries.id} and l.user_id = ${leaderId})` : undefined,
      ),
    )
    .orderBy(asc(scheduleEntries.startsAt), asc(scheduleEntries.id));
}
