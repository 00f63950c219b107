import { and, count, desc, eq, gt, inArray, isNotNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { agencies, tenants, users } from '../org/tables.js';
import { procedures } from '../procedures/tables.js';
import { dossiers, feedbacks, type FeedbackState } from './tables.js';

// Every query here is scoped by tenantId (rule 2).

export type FeedbackRow = typeof feedbacks.$inferSelect;
export type FeedbackInsert = typeof feedbacks.$inferInsert;

/** A feedback with the names a reader needs. */
const withNames = {
  feedback: feedbacks,
  agencyName: agencies.name,
  dossierCode: dossiers.code,
  procedureName: procedures.name,
  handledByName: users.fullName,
};
export type FeedbackView = { feedback: FeedbackRow; agencyName: string | null; dossierCode: string | null; procedureName: string | null; handledByName: string | null };

const joined = (db: Db) =>
  db
    .select(withNames)
    .from(feedbacks)
    .leftJoin(agencies, eq(agencies.id, feedbacks.agencyId))
    .leftJoin(dossiers, eq(dossiers.id, feedbacks.dossierId))
    .leftJoin(procedures, eq(procedures.id, feedbacks.procedureId))
    .leftJoin(users, eq(users.id, feedbacks.handledBy));

/**
 * The next `PAKN-YYMMDD-XXXX` of the tenant's day. A transaction-scoped advisory lock per tenant and day queues
 * concurrent senders (on every instance: the lock lives in the database), and since feedback rows are never
 * deleted, the highest code of the day + 1 under that lock is gap-free. Feedback is a few a day, so a counter
 * table would add a migration for no gain; the unique index (tenant_id, code) would refuse a collision anyway.
 */
export async function nextFeedbackCode(tx: Db, tenantId: string, yymmdd: string): Promise<string> {
  const prefix = `PAKN-${yymmdd}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`feedback-code:${tenantId}:${yymmdd}`}, 0))`);
  const [row] = await tx
    .select({ last: sql<string | null>`max(${feedbacks.code})` })
    .from(feedbacks)
    .where(and(eq(feedbacks.tenantId, tenantId), like(feedbacks.code, `${prefix}%`)));
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export async function insertFeedback(tx: Db, values: FeedbackInsert): Promise<FeedbackRow> {
  const [row] = await tx.insert(feedbacks).values(values).returning();
  return row!;
}

export async function feedbackByCode(db: Db, tenantId: string, code: string, opts: { lock?: boolean } = {}): Promise<FeedbackRow | null> {
  const query = db.select().from(feedbacks).where(and(eq(feedbacks.tenantId, tenantId), eq(feedbacks.code, code)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function lockFeedback(tx: Db, tenantId: string, id: string): Promise<FeedbackRow | null> {
  const [row] = await tx.select().from(feedbacks).where(and(eq(feedbacks.tenantId, tenantId), eq(feedbacks.id, id))).for('update');
  return row ?? null;
}

export async function feedbackView(db: Db, tenantId: string, id: string): Promise<FeedbackView | null> {
  const [row] = await joined(db).where(and(eq(feedbacks.tenantId, tenantId), eq(feedbacks.id, id)));
  return row ?? null;
}

export async function updateFeedback(tx: Db, tenantId: string, id: string, values: Partial<FeedbackInsert>) {
  await tx.update(feedbacks).set({ ...values, updatedAt: new Date() }).where(and(eq(feedbacks.tenantId, tenantId), eq(feedbacks.id, id)));
}

export interface FeedbackFilter {
  /** null: every agency of the tenant (the Center) */
  agencyId: string | null;
  state?: FeedbackState | undefined;
  /**
   * start instants at or before which a deadline has passed: resolving (15 days, for feedback that never waited
   * for the sender) and publishing (2 days); and the open feedback past a resolve deadline moved by a wait
   */
  overdue?: { resolveCutoff: Date; publishCutoff: Date; waitedOverdueIds: string[] } | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listFeedback(db: Db, tenantId: string, f: FeedbackFilter): Promise<{ rows: FeedbackView[]; total: number }> {
  const conds: (SQL | undefined)[] = [eq(feedbacks.tenantId, tenantId)];
  if (f.agencyId) conds.push(eq(feedbacks.agencyId, f.agencyId));
  if (f.state) conds.push(eq(feedbacks.state, f.state));
  if (f.overdue) {
    conds.push(
      or(
        and(eq(feedbacks.state, 'received'), eq(feedbacks.infoWaitMinutes, 0), lte(feedbacks.submittedAt, f.overdue.resolveCutoff)),
        f.overdue.waitedOverdueIds.length > 0 ? inArray(feedbacks.id, f.overdue.waitedOverdueIds) : undefined,
        and(eq(feedbacks.state, 'resolved'), isNotNull(feedbacks.resolvedAt), lte(feedbacks.resolvedAt, f.overdue.publishCutoff)),
      ),
    );
  }
  if (f.q) conds.push(...likePatterns(f.q).map((p) => like(feedbacks.searchText, p)));
  const where = and(...conds);
  const rows = await joined(db)
    .where(where)
    .orderBy(desc(feedbacks.submittedAt), desc(feedbacks.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(feedbacks).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Open feedback (back at the office) whose resolve deadline moved because the office waited for the sender. */
export async function openWaitedFeedback(db: Db, tenantId: string, agencyId: string | null) {
  const conds = [eq(feedbacks.tenantId, tenantId), eq(feedbacks.state, 'received'), gt(feedbacks.infoWaitMinutes, 0)];
  if (agencyId) conds.push(eq(feedbacks.agencyId, agencyId));
  return db
    .select({ id: feedbacks.id, state: feedbacks.state, submittedAt: feedbacks.submittedAt, resolvedAt: feedbacks.resolvedAt, infoWaitMinutes: feedbacks.infoWaitMinutes })
    .from(feedbacks)
    .where(and(...conds));
}

export async function listPublished(db: Db, tenantId: string, f: { q?: string | undefined; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [eq(feedbacks.tenantId, tenantId), eq(feedbacks.state, 'published')];
  // not by the sender's name: a published answer does not say who asked
  if (f.q) conds.push(...likePatterns(f.q).map((p) => like(sql`f_unaccent(${feedbacks.code} || ' ' || ${feedbacks.title} || ' ' || ${feedbacks.content})`, p)));
  const where = and(...conds);
  const rows = await joined(db)
    .where(where)
    .orderBy(desc(feedbacks.publishedAt), desc(feedbacks.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(feedbacks).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function agencyOfTenant(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

export async function tenantCodeOf(db: Db, tenantId: string): Promise<string | null> {
  const [row] = await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.code ?? null;
}
