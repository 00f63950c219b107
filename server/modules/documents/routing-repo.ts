import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { units, users } from '../org/tables.js';
import { documentAssignments, documentEvents, documentReads, documentRegisters, documents, type AssignmentStatus, type DocumentStatus } from './tables.js';

export type AssignmentRow = typeof documentAssignments.$inferSelect;
export type AssignmentView = AssignmentRow & { userName: string | null; unitName: string };

export const ACTIVE_STATUSES: AssignmentStatus[] = ['pending', 'accepted', 'forwarded'];

export async function getAssignments(db: Db, documentId: string): Promise<AssignmentView[]> {
  const query = prepared(db, 'documents_assignments', (d) =>
    d
      .select({ ...getTableColumns(documentAssignments), userName: users.fullName, unitName: units.name })
      .from(documentAssignments)
      .innerJoin(units, eq(units.id, documentAssignments.unitId))
      .leftJoin(users, eq(users.id, documentAssignments.userId))
      .where(eq(documentAssignments.documentId, sql.placeholder('documentId')))
      .orderBy(asc(documentAssignments.createdAt), asc(documentAssignments.id))
      .prepare('documents_assignments'),
  );
  return query.execute({ documentId });
}

/** The document row locked for the routing change: concurrent changes to one document queue here. */
export async function lockDocument(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id))).for('update');
  return row ?? null;
}

export async function insertAssignments(db: Db, rows: (typeof documentAssignments.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(documentAssignments).values(rows);
}

export async function updateAssignment(db: Db, id: string, values: Partial<typeof documentAssignments.$inferInsert>) {
  await db.update(documentAssignments).set(values).where(eq(documentAssignments.id, id));
}

export async function setDocumentRouting(db: Db, id: string, values: { status?: DocumentStatus; dueDate?: string | null }) {
  await db.update(documents).set({ ...values, updatedAt: new Date() }).where(eq(documents.id, id));
}

export async function addEvents(db: Db, rows: (typeof documentEvents.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(documentEvents).values(rows);
}

/**
 * Records a reading; true the first time this user reads the document. Readings within a minute of the
 * last one count as the same (a reload writes nothing).
 */
export async function recordRead(db: Db, documentId: string, userId: string): Promise<boolean> {
  const query = prepared(db, 'documents_record_read', (d) =>
    d
      .insert(documentReads)
      .values({ documentId: sql.placeholder('documentId'), userId: sql.placeholder('userId') })
      .onConflictDoUpdate({
        target: [documentReads.documentId, documentReads.userId],
        set: { lastReadAt: sql`now()`, readCount: sql`${documentReads.readCount} + 1` },
        setWhere: sql`${documentReads.lastReadAt} < now() - interval '1 minute'`,
      })
      .returning({ readCount: documentReads.readCount })
      .prepare('documents_record_read'),
  );
  const [row] = await query.execute({ documentId, userId });
  return row?.readCount === 1;
}

export async function getReads(db: Db, documentId: string) {
  const query = prepared(db, 'documents_reads', (d) =>
    d.select().from(documentReads).where(eq(documentReads.documentId, sql.placeholder('documentId'))).orderBy(asc(documentReads.firstReadAt)).prepare('documents_reads'),
  );
  return query.execute({ documentId });
}

/** Marks the reader's "for information" assignments of the document as done. */
export async function completeInfoAssignments(db: Db, documentId: string, userId: string, unitId: string) {
  await db
    .update(documentAssignments)
    .set({ status: 'done', doneAt: new Date() })
    .where(
      and(
        eq(documentAssignments.documentId, documentId),
        eq(documentAssignments.role, 'info'),
        inArray(documentAssignments.status, ['pending', 'accepted']),
        or(eq(documentAssignments.userId, userId), and(isNull(documentAssignments.userId), eq(documentAssignments.unitId, unitId))),
      ),
    );
}

export const INBOX_VIEWS = ['mine', 'unit', 'info', 'overdue', 'done', 'unassigned'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface InboxActor {
  tenantId: string;
  userId: string;
  unitId: string;
  /** agencies whose unrouted incoming documents the actor routes (clerks and leaders) */
  routesAgencyIds: string[];
}

const a = documentAssignments;
const held = (x: InboxActor) => or(eq(a.userId, x.userId), and(isNull(a.userId), eq(a.unitId, x.unitId)))!;

function inboxWhere(view: Exclude<InboxView, 'unassigned'> | 'info_unread', x: InboxActor, today: string): SQL {
  const base = [eq(a.tenantId, x.tenantId)];
  switch (view) {
    case 'mine':
      return and(...base, eq(a.userId, x.userId), inArray(a.status, ['pending', 'accepted']), ne(a.role, 'info'))!;
    case 'unit':
      return and(...base, eq(a.unitId, x.unitId), inArray(a.status, ACTIVE_STATUSES), inArray(a.role, ['lead', 'coordinate']))!;
    case 'info':
      return and(...base, held(x), eq(a.role, 'info'), ne(a.status, 'recalled'))!;
    case 'info_unread':
      return and(...base, held(x), eq(a.role, 'info'), eq(a.status, 'pending'))!;
    case 'overdue':
      return and(...base, held(x), inArray(a.status, ACTIVE_STATUSES), ne(a.role, 'info'), lt(a.dueDate, today))!;
    case 'done':
      return and(...base, held(x), eq(a.status, 'done'), ne(a.role, 'info'))!;
  }
}

const unassignedWhere = (x: InboxActor) =>
  and(eq(documents.tenantId, x.tenantId), eq(documents.direction, 'incoming'), eq(documents.status, 'registered'), inArray(documents.agencyId, x.routesAgencyIds), eq(documents.confidentiality, 'normal'))!;

export async function findInbox(db: Db, view: InboxView, x: InboxActor, today: string, page: { limit: number; offset: number }, q?: string) {
  const docColumns = { document: documents, registerName: documentRegisters.name };
  // the words typed in the inbox's search box, without accents, in number/notation, subject, sender, signer
  const words = q ? likePatterns(q).map((p) => like(documents.searchText, p)) : [];
  if (view === 'unassigned') {
    if (x.routesAgencyIds.length === 0) return { items: [], total: 0 };
    const where = and(unassignedWhere(x), ...words);
    const [items, [total]] = await Promise.all([
      db.select(docColumns).from(documents).leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId)).where(where).orderBy(desc(documents.receivedAt)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(documents).where(where),
    ]);
    return { items: items.map((r) => ({ ...r, assignment: null })), total: total?.n ?? 0 };
  }
  const where = and(inboxWhere(view, x, today), ...words);
  const counted = db.select({ n: count() }).from(a);
  const [items, [total]] = await Promise.all([
    db
      .select({ ...docColumns, assignment: a })
      .from(a)
      .innerJoin(documents, eq(documents.id, a.documentId))
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(where)
      .orderBy(view === 'done' ? desc(a.doneAt) : asc(sql`coalesce(${a.dueDate}, '9999-12-31')`), desc(a.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    (words.length ? counted.innerJoin(documents, eq(documents.id, a.documentId)) : counted).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function countInbox(db: Db, x: InboxActor, today: string): Promise<Record<InboxView, number>> {
  const views = INBOX_VIEWS.filter((v): v is Exclude<InboxView, 'unassigned'> => v !== 'unassigned');
  // the count of "for information" is what is still unread; the list shows read ones too
  const counts = await Promise.all(views.map(async (v) => [v, (await db.select({ n: count() }).from(a).where(inboxWhere(v === 'info' ? 'info_unread' : v, x, today)))[0]?.n ?? 0] as const));
  const unassigned = x.routesAgencyIds.length > 0 ? ((await db.select({ n: count() }).from(documents).where(unassignedWhere(x)))[0]?.n ?? 0) : 0;
  return { ...Object.fromEntries(counts), unassigned } as Record<InboxView, number>;
}
