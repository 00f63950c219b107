import { and, asc, count, desc, eq, getTableColumns, inArray, like, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { units, users } from '../org/tables.js';
import { documentFiles, documentRecipients, documentRegisters, documents } from './tables.js';

export type RecipientRow = typeof documentRecipients.$inferSelect;

export async function getRecipients(db: Db, documentId: string) {
  return db.select().from(documentRecipients).where(eq(documentRecipients.documentId, documentId)).orderBy(asc(documentRecipients.position));
}

export async function replaceRecipients(db: Db, tenantId: string, documentId: string, rows: Omit<typeof documentRecipients.$inferInsert, 'tenantId' | 'documentId' | 'position'>[]) {
  await db.delete(documentRecipients).where(eq(documentRecipients.documentId, documentId));
  if (rows.length > 0) await db.insert(documentRecipients).values(rows.map((r, position) => ({ ...r, tenantId, documentId, position })));
}

export async function updateRecipient(db: Db, id: string, values: Partial<typeof documentRecipients.$inferInsert>) {
  await db.update(documentRecipients).set(values).where(eq(documentRecipients.id, id));
}

/** A reader of a delivered copy: the sender sees it as read (first time only). */
export async function markCopyRead(db: Db, copyDocumentId: string) {
  await db
    .update(documentRecipients)
    .set({ status: 'read', readAt: new Date() })
    .where(and(eq(documentRecipients.copyDocumentId, copyDocumentId), eq(documentRecipients.status, 'delivered')));
}

export async function markCopyAnswered(db: Db, copyDocumentId: string) {
  await db
    .update(documentRecipients)
    .set({ status: 'answered', answeredAt: new Date() })
    .where(and(eq(documentRecipients.copyDocumentId, copyDocumentId), inArray(documentRecipients.status, ['delivered', 'read'])));
}

export async function updateDocument(db: Db, id: string, values: Partial<typeof documents.$inferInsert>) {
  await db.update(documents).set({ ...values, updatedAt: new Date() }).where(eq(documents.id, id));
}

export async function nextVersion(db: Db, documentId: string) {
  const [row] = await db.select({ v: max(documentFiles.version) }).from(documentFiles).where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.role, 'main')));
  return (row?.v ?? 0) + 1;
}

export async function attachFile(db: Db, values: typeof documentFiles.$inferInsert) {
  await db.insert(documentFiles).values(values);
}

export async function maxPosition(db: Db, documentId: string) {
  const [row] = await db.select({ p: max(documentFiles.position) }).from(documentFiles).where(eq(documentFiles.documentId, documentId));
  return row?.p ?? -1;
}

/** The outgoing register for a type: a series named for the type, else the agency's general one. */
export async function findOutgoingRegisters(db: Db, tenantId: string, agencyId: string, secret: boolean) {
  return db
    .select()
    .from(documentRegisters)
    .where(and(eq(documentRegisters.tenantId, tenantId), eq(documentRegisters.agencyId, agencyId), eq(documentRegisters.direction, 'outgoing'), eq(documentRegisters.secret, secret), eq(documentRegisters.active, true)))
    .orderBy(asc(documentRegisters.createdAt));
}

export async function userNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function unitName(db: Db, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ name: units.name, shortName: units.shortName }).from(units).where(eq(units.id, id));
  return row ?? null;
}

export type OutgoingView = 'drafts' | 'review' | 'to_issue' | 'issued';

export interface OutgoingActor {
  tenantId: string;
  userId: string;
  agencyId: string;
  /** clerks: the agency's signed documents wait for them */
  issues: boolean;
  /** clerks and leaders: every issued document of the agency */
  readsAgency: boolean;
}

function outgoingWhere(view: OutgoingView, x: OutgoingActor): SQL {
  const base = and(eq(documents.tenantId, x.tenantId), eq(documents.direction, 'outgoing'))!;
  switch (view) {
    case 'drafts':
      return and(base, eq(documents.createdBy, x.userId), inArray(documents.status, ['draft', 'returned', 'in_review', 'approved', 'signed']))!;
    case 'review':
      return and(base, eq(documents.holderId, x.userId), inArray(documents.status, ['in_review', 'approved']))!;
    case 'to_issue':
      return x.issues ? and(base, eq(documents.agencyId, x.agencyId), eq(documents.status, 'signed'))! : sql`false`;
    case 'issued': {
      const mineOrAgency = x.readsAgency ? or(eq(documents.agencyId, x.agencyId), eq(documents.createdBy, x.userId))! : eq(documents.createdBy, x.userId);
      return and(base, inArray(documents.status, ['issued', 'recalled']), mineOrAgency)!;
    }
  }
}

export async function findOutgoing(db: Db, view: OutgoingView, x: OutgoingActor, f: { q?: string | undefined; limit: number; offset: number }) {
  const conds = [outgoingWhere(view, x)];
  for (const p of f.q ? likePatterns(f.q) : []) conds.push(like(documents.searchText, p));
  const where = and(...conds);
  const holder = sql<string | null>`(select u.full_name from users u where u.id = "documents"."holder_id")`;
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(documents), registerName: documentRegisters.name, holderName: holder })
      .from(documents)
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(where)
      .orderBy(view === 'issued' ? desc(documents.issuedAt) : desc(documents.updatedAt), desc(documents.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function countOutgoing(db: Db, x: OutgoingActor) {
  const n = async (v: OutgoingView) => (await db.select({ n: count() }).from(documents).where(outgoingWhere(v, x)))[0]?.n ?? 0;
  const [review, toIssue, returned] = await Promise.all([
    n('review'),
    n('to_issue'),
    db
      .select({ n: count() })
      .from(documents)
      .where(and(eq(documents.tenantId, x.tenantId), eq(documents.direction, 'outgoing'), eq(documents.createdBy, x.userId), eq(documents.status, 'returned'))),
  ]);
  return { review, toIssue, returned: returned[0]?.n ?? 0 };
}
