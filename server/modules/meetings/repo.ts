import { and, asc, desc, count, eq, getTableColumns, gt, gte, inArray, like, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { files } from '../../platform/files/tables.js';
import { likePatterns } from '../../platform/search/normalize.js';
import type { Role } from '../../platform/auth/permissions.js';
import { agencies, positions, userRoles, users } from '../org/tables.js';
import { meetingConclusions, meetingDocumentReads, meetingDocuments, meetingParticipants, meetings, meetingSites, rooms, type MeetingKind, type MeetingState } from './tables.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingInsert = Omit<typeof meetings.$inferInsert, 'searchText'>;
export type RoomRow = typeof rooms.$inferSelect;

// ---- rooms ----

export async function listRooms(db: Db, tenantId: string, activeOnly: boolean) {
  return db
    .select({ ...getTableColumns(rooms), agencyName: agencies.name })
    .from(rooms)
    .innerJoin(agencies, eq(agencies.id, rooms.agencyId))
    .where(and(eq(rooms.tenantId, tenantId), activeOnly ? eq(rooms.active, true) : undefined))
    .orderBy(asc(rooms.location), asc(rooms.name));
}

export async function getRoom(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
  return row ?? null;
}

export async function findRoomByName(db: Db, tenantId: string, location: string, name: string) {
  const [row] = await db.select().from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.location, location), eq(rooms.name, name)));
  return row ?? null;
}

export async function insertRoom(db: Db, row: typeof rooms.$inferInsert) {
  await db.insert(rooms).values(row);
}

export async function updateRoom(db: Db, tenantId: string, id: string, values: Partial<typeof rooms.$inferInsert>) {
  await db.update(rooms).set(values).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
}

/** Locks the room row so two bookings of one room queue here and the overlap check holds. */
export async function lockRoom(tx: Db, tenantId: string, id: string) {
  const [row] = await tx.select().from(rooms).where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id))).for('update');
  return row ?? null;
}

// ---- meetings ----

const organizer = alias(agencies, 'organizer');
const creator = alias(users, 'creator');
const summaryColumns = {
  ...getTableColumns(meetings),
  organizerAgencyName: organizer.name,
  roomName: rooms.name,
  roomLocation: rooms.location,
  createdByName: creator.fullName,
  siteCount: sql<number>`(select count(*)::int from ${meetingSites} where ${meetingSites.meetingId} = ${meetings.id})`,
};
export type MeetingListRow = MeetingRow & { organizerAgencyName: string; roomName: string | null; roomLocation: string | null; createdByName: string | null; siteCount: number };

const withNames = (db: Db) =>
  db
    .select(summaryColumns)
    .from(meetings)
    .innerJoin(organizer, eq(organizer.id, meetings.organizerAgencyId))
    .leftJoin(rooms, eq(rooms.id, meetings.roomId))
    .leftJoin(creator, eq(creator.id, meetings.createdBy));

export async function getMeeting(db: Db, tenantId: string, id: string): Promise<MeetingListRow | null> {
  const [row] = await withNames(db).where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
  return row ?? null;
}

export async function lockMeeting(tx: Db, tenantId: string, id: string): Promise<MeetingRow | null> {
  const [row] = await tx.select().from(meetings).where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id))).for('update');
  return row ?? null;
}

export async function insertMeeting(tx: Db, row: MeetingInsert) {
  await tx.insert(meetings).values(row);
}

export async function updateMeeting(tx: Db, tenantId: string, id: string, values: Partial<MeetingInsert>) {
  await tx.update(meetings).set({ ...values, updatedAt: new Date() }).where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
}

/** Non-cancelled meetings overlapping [startsAt, endsAt) in the room or chaired by the person. */
export async function findOverlapping(db: Db, tenantId: string, f: { startsAt: Date; endsAt: Date; roomId?: string | null; chairUserId?: string; exceptId?: string }) {
  const who = [f.roomId ? eq(meetings.roomId, f.roomId) : undefined, f.chairUserId ? eq(meetings.chairUserId, f.chairUserId) : undefined].filter(Boolean) as SQL[];
  if (who.length === 0) return [];
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, roomId: meetings.roomId, chairUserId: meetings.chairUserId })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), ne(meetings.state, 'cancelled'), lt(meetings.startsAt, f.endsAt), gt(meetings.endsAt, f.startsAt), f.exceptId ? ne(meetings.id, f.exceptId) : undefined, or(...who)))
    .orderBy(asc(meetings.startsAt));
}

export interface VisibilityActor {
  tenantId: string;
  userId: string;
  agencyId: string;
  /** leaders who give tasks, and tenant-wide organizers, see every meeting */
  seesAll: boolean;
  /** organizers of their agency see the meetings it organizes */
  organizesForAgency: boolean;
}

const involves = (x: VisibilityActor) =>
  or(
    eq(meetings.chairUserId, x.userId),
    sql`exists (select 1 from ${meetingParticipants} where ${meetingParticipants.meetingId} = ${meetings.id} and (${meetingParticipants.userId} = ${x.userId} or ${meetingParticipants.agencyId} = ${x.agencyId}))`,
    sql`exists (select 1 from ${meetingSites} where ${meetingSites.meetingId} = ${meetings.id} and ${meetingSites.agencyId} = ${x.agencyId})`,
  )!;

export function visibleWhere(x: VisibilityActor): SQL | undefined {
  if (x.seesAll) return undefined;
  return x.organizesForAgency ? or(eq(meetings.organizerAgencyId, x.agencyId), involves(x)) : involves(x);
}

export async function findMeetings(
  db: Db,
  x: VisibilityActor,
  f: { from?: Date | undefined; to?: Date | undefined; kind?: MeetingKind | undefined; state?: MeetingState | undefined; mine: boolean; q?: string | undefined; limit: number; offset: number },
) {
  const words = f.q ? likePatterns(f.q).map((p) => like(meetings.searchText, p)) : [];
  const where = and(
    eq(meetings.tenantId, x.tenantId),
    visibleWhere(x),
    f.mine ? involves(x) : undefined,
    f.from ? gte(meetings.endsAt, f.from) : undefined,
    f.to ? lte(meetings.startsAt, f.to) : undefined,
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.state ? eq(meetings.state, f.state) : undefined,
    ...words,
  );
  const [items, [total]] = await Promise.all([
    // a period (the calendar) reads in time order; the whole list starts with the latest meetings
    withNames(db)
      .where(where)
      .orderBy(...(f.from || f.to ? [asc(meetings.startsAt), asc(meetings.id)] : [desc(meetings.startsAt), desc(meetings.id)]))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Whether one meeting is visible to the actor (the same rule as the list). */
export async function isVisible(db: Db, x: VisibilityActor, id: string) {
  const [row] = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.tenantId, x.tenantId), eq(meetings.id, id), visibleWhere(x)));
  return Boolean(row);
}

// ---- participants and sites ----

export async function insertParticipants(tx: Db, rows: (typeof meetingParticipants.$inferInsert)[]) {
  if (rows.length) await tx.insert(meetingParticipants).values(rows);
}

export async function deleteParticipants(tx: Db, tenantId: string, meetingId: string) {
  await tx.delete(meetingParticipants).where(and(eq(meetingParticipants.tenantId, tenantId), eq(meetingParticipants.meetingId, meetingId)));
}

export async function getParticipants(db: Db, tenantId: string, meetingId: string) {
  const personAgency = alias(agencies, 'person_agency');
  return db
    .select({
      ...getTableColumns(meetingParticipants),
      userName: users.fullName,
      positionName: positions.name,
      personAgencyName: personAgency.name,
      agencyName: agencies.name,
    })
    .from(meetingParticipants)
    .leftJoin(users, eq(users.id, meetingParticipants.userId))
    .leftJoin(positions, eq(positions.id, users.positionId))
    .leftJoin(personAgency, eq(personAgency.id, users.agencyId))
    .leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
    .where(and(eq(meetingParticipants.tenantId, tenantId), eq(meetingParticipants.meetingId, meetingId)))
    .orderBy(asc(sql`${meetingParticipants.userId} is null`), asc(sql`coalesce(${positions.rank}, 1000)`), asc(agencies.sortOrder), asc(meetingParticipants.id));
}

export async function setAttendance(tx: Db, tenantId: string, meetingId: string, participantId: string, values: { attendance: 'present' | 'absent' | 'excused'; attendanceNote: string | null; recordedAt: Date }) {
  const rows = await tx
    .update(meetingParticipants)
    .set(values)
    .where(and(eq(meetingParticipants.tenantId, tenantId), eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.id, participantId)))
    .returning({ id: meetingParticipants.id });
  return rows.length > 0;
}

export async function replaceSites(tx: Db, tenantId: string, meetingId: string, agencyIds: string[]) {
  const existing = await tx.select({ agencyId: meetingSites.agencyId }).from(meetingSites).where(and(eq(meetingSites.tenantId, tenantId), eq(meetingSites.meetingId, meetingId)));
  const keep = new Set(agencyIds);
  const gone = existing.filter((e) => !keep.has(e.agencyId)).map((e) => e.agencyId);
  if (gone.length) await tx.delete(meetingSites).where(and(eq(meetingSites.tenantId, tenantId), eq(meetingSites.meetingId, meetingId), inArray(meetingSites.agencyId, gone)));
  const have = new Set(existing.map((e) => e.agencyId));
  const added = agencyIds.filter((a) => !have.has(a));
  if (added.length) await tx.insert(meetingSites).values(added.map((agencyId) => ({ tenantId, meetingId, agencyId })));
}

export async function getSites(db: Db, tenantId: string, meetingId: string) {
  return db
    .select({ ...getTableColumns(meetingSites), name: agencies.name })
    .from(meetingSites)
    .innerJoin(agencies, eq(agencies.id, meetingSites.agencyId))
    .where(and(eq(meetingSites.tenantId, tenantId), eq(meetingSites.meetingId, meetingId)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
}

export async function updateSite(tx: Db, tenantId: string, meetingId: string, agencyId: string, values: Partial<typeof meetingSites.$inferInsert>) {
  const rows = await tx
    .update(meetingSites)
    .set(values)
    .where(and(eq(meetingSites.tenantId, tenantId), eq(meetingSites.meetingId, meetingId), eq(meetingSites.agencyId, agencyId)))
    .returning({ agencyId: meetingSites.agencyId });
  return rows.length > 0;
}

// ---- paperless documents ----

export async function getDocuments(db: Db, tenantId: string, meetingId: string) {
  const adder = alias(users, 'adder');
  const [docs, reads] = await Promise.all([
    db
      .select({ ...getTableColumns(meetingDocuments), fileName: files.name, mime: files.mime, size: files.size, addedByName: adder.fullName })
      .from(meetingDocuments)
      .innerJoin(files, eq(files.id, meetingDocuments.fileId))
      .innerJoin(adder, eq(adder.id, meetingDocuments.addedBy))
      .where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.meetingId, meetingId)))
      .orderBy(asc(meetingDocuments.addedAt), asc(meetingDocuments.id)),
    db
      .select({ documentId: meetingDocumentReads.documentId, userId: meetingDocumentReads.userId, name: users.fullName, readAt: meetingDocumentReads.readAt })
      .from(meetingDocumentReads)
      .innerJoin(meetingDocuments, eq(meetingDocuments.id, meetingDocumentReads.documentId))
      .innerJoin(users, eq(users.id, meetingDocumentReads.userId))
      .where(and(eq(meetingDocumentReads.tenantId, tenantId), eq(meetingDocuments.meetingId, meetingId)))
      .orderBy(asc(meetingDocumentReads.readAt)),
  ]);
  return docs.map((d) => ({ ...d, reads: reads.filter((r) => r.documentId === d.id) }));
}

export async function getDocument(db: Db, tenantId: string, meetingId: string, documentId: string) {
  const [row] = await db
    .select({ ...getTableColumns(meetingDocuments), file: getTableColumns(files) })
    .from(meetingDocuments)
    .innerJoin(files, eq(files.id, meetingDocuments.fileId))
    .where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.id, documentId)));
  return row ?? null;
}

export async function insertDocument(tx: Db, row: typeof meetingDocuments.$inferInsert) {
  await tx.insert(meetingDocuments).values(row);
}

export async function deleteDocument(tx: Db, tenantId: string, documentId: string) {
  await tx.delete(meetingDocumentReads).where(and(eq(meetingDocumentReads.tenantId, tenantId), eq(meetingDocumentReads.documentId, documentId)));
  await tx.delete(meetingDocuments).where(and(eq(meetingDocuments.tenantId, tenantId), eq(meetingDocuments.id, documentId)));
}

/** The first read per person counts; later opens change nothing. */
export async function recordRead(db: Db, tenantId: string, documentId: string, userId: string) {
  const rows = await db.insert(meetingDocumentReads).values({ tenantId, documentId, userId }).onConflictDoNothing().returning({ userId: meetingDocumentReads.userId });
  return rows.length > 0;
}

/** Files the user uploaded in the tenant (locked while attaching). */
export async function findOwnFile(tx: Db, tenantId: string, userId: string, fileId: string) {
  const [row] = await tx.select().from(files).where(and(eq(files.tenantId, tenantId), eq(files.createdBy, userId), eq(files.id, fileId))).for('update');
  return row ?? null;
}

// ---- conclusion ----

export async function getConclusion(db: Db, tenantId: string, meetingId: string) {
  const [row] = await db.select().from(meetingConclusions).where(and(eq(meetingConclusions.tenantId, tenantId), eq(meetingConclusions.meetingId, meetingId)));
  return row ?? null;
}

export async function insertConclusion(tx: Db, row: typeof meetingConclusions.$inferInsert) {
  await tx.insert(meetingConclusions).values(row);
}

/** The user's position name (for the chair's title in generated texts). */
export async function personTitle(db: Db, tenantId: string, userId: string) {
  const [row] = await db.select({ fullName: users.fullName, email: users.email, positionName: positions.name }).from(users).leftJoin(positions, eq(positions.id, users.positionId)).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return row ?? null;
}

/** Whether each person holds the role (the chair must be a leader); org exposes no roles to other modules. */
export async function usersWithRole(db: Db, tenantId: string, ids: string[], role: Role) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.tenantId, tenantId), inArray(userRoles.userId, ids), eq(userRoles.role, role)));
  return new Set(rows.map((r) => r.userId));
}
