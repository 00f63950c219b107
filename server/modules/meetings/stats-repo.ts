import { and, count, countDistinct, eq, gte, lt, lte, ne, or, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { delegations, meetings, meetingSites } from './tables.js';

/** Meetings not cancelled that start in [from, to): by kind, and how many were online. */
export async function meetingCounts(db: Db, tenantId: string, from: Date, to: Date) {
  const online = or(eq(meetings.kind, 'online_conference'), isNotNull(meetings.onlineRoom))!;
  return db
    .select({ kind: meetings.kind, n: count(), online: sql<number>`count(*) filter (where ${online})::int`, held: sql<number>`count(*) filter (where ${meetings.state} = 'held')::int` })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), gte(meetings.startsAt, from), lt(meetings.startsAt, to), ne(meetings.state, 'cancelled')))
    .groupBy(meetings.kind);
}

/** Connected sites of those meetings: connections (one per meeting and site) and distinct sites. */
export async function siteCounts(db: Db, tenantId: string, from: Date, to: Date) {
  const [row] = await db
    .select({ connections: count(), sites: countDistinct(meetingSites.agencyId) })
    .from(meetingSites)
    .innerJoin(meetings, and(eq(meetings.tenantId, meetingSites.tenantId), eq(meetings.id, meetingSites.meetingId)))
    .where(and(eq(meetingSites.tenantId, tenantId), eq(meetingSites.state, 'connected'), gte(meetings.startsAt, from), lt(meetings.startsAt, to), ne(meetings.state, 'cancelled')));
  return { connections: row?.connections ?? 0, sites: row?.sites ?? 0 };
}

/** Delegations arriving in [from, to] (dates), by kind and state. */
export async function delegationCounts(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select({ kind: delegations.kind, state: delegations.state, n: count() })
    .from(delegations)
    .where(and(eq(delegations.tenantId, tenantId), gte(delegations.arrivesOn, from), lte(delegations.arrivesOn, to)))
    .groupBy(delegations.kind, delegations.state);
}

/** Meetings not cancelled per Việt Nam month of their start in [from, to): the dashboard's trend. */
export async function meetingMonths(db: Db, tenantId: string, from: Date, to: Date): Promise<{ month: string; n: number }[]> {
  const month = sql<string>`to_char(${meetings.startsAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;
  return db
    .select({ month, n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), gte(meetings.startsAt, from), lt(meetings.startsAt, to), ne(meetings.state, 'cancelled')))
    .groupBy(month);
}
