import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { apiTokens, credentials, sessions } from './tables.js';

export async function getCredentials(db: Db, userId: string) {
  const [row] = await db.select().from(credentials).where(eq(credentials.userId, userId));
  return row ?? null;
}

export async function upsertPassword(db: Db, tenantId: string, userId: string, passwordHash: string, changedAt: Date | null) {
  await db
    .insert(credentials)
    .values({ userId, tenantId, passwordHash, passwordChangedAt: changedAt })
    .onConflictDoUpdate({
      target: credentials.userId,
      set: { passwordHash, passwordChangedAt: changedAt, failedCount: 0, lockedUntil: null },
    });
}

/** Counts one more failure atomically; locks the account once the limit is reached. */
export async function recordFailure(db: Db, userId: string, maxFailures: number, lockUntil: Date) {
  const [row] = await db
    .update(credentials)
    .set({
      failedCount: sql`case when ${credentials.failedCount} + 1 >= ${maxFailures} then 0 else ${credentials.failedCount} + 1 end`,
      lockedUntil: sql`case when ${credentials.failedCount} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${credentials.lockedUntil} end`,
    })
    .where(eq(credentials.userId, userId))
    .returning({ failedCount: credentials.failedCount, lockedUntil: credentials.lockedUntil });
  return row ?? null;
}

export async function recordSuccess(db: Db, userId: string, at: Date) {
  await db.update(credentials).set({ failedCount: 0, lockedUntil: null, lastLoginAt: at }).where(eq(credentials.userId, userId));
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function revokeSession(db: Db, id: string, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Db, userId: string, now: Date) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(db: Db, before: Date) {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function getLiveApiToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row ?? null;
}

export async function touchApiToken(db: Db, id: string, now: Date) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Db, tenantId: string, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.userId, userId)))
    .orderBy(sql`${apiTokens.createdAt} desc`);
}

export async function getApiToken(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id)));
  return row ?? null;
}

export async function revokeApiToken(db: Db, tenantId: string, id: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

export async function hasLoggedIn(db: Db, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const cred = await getCredentials(db, userId);
  return (row?.n ?? 0) > 0 || Boolean(cred?.lastLoginAt);
}

export async function deleteUserAuthData(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await db.delete(credentials).where(eq(credentials.userId, userId));
}
