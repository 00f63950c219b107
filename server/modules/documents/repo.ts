import { and, asc, count, desc, eq, getTableColumns, gte, inArray, isNull, like, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import { files } from '../../platform/files/tables.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { documentAssignments, documentEvents, documentFiles, documentRegisters, documents, documentViewers, registerCounters } from './tables.js';

// Every query is scoped by tenantId (rule 2).

export type DocumentRow = typeof documents.$inferSelect & { registerName: string | null };
export type RegisterRow = typeof documentRegisters.$inferSelect;

export async function findRegisters(db: Db, tenantId: string, agencyId: string) {
  return db
    .select()
    .from(documentRegisters)
    .where(and(eq(documentRegisters.tenantId, tenantId), eq(documentRegisters.agencyId, agencyId)))
    .orderBy(asc(documentRegisters.direction), asc(documentRegisters.secret), asc(documentRegisters.name));
}

export async function getRegister(db: Db, tenantId: string, id: string) {
  const query = prepared(db, 'documents_register', (d) =>
    d
      .select()
      .from(documentRegisters)
      .where(and(eq(documentRegisters.tenantId, sql.placeholder('tenantId')), eq(documentRegisters.id, sql.placeholder('id'))))
      .prepare('documents_register'),
  );
  const [row] = await query.execute({ tenantId, id });
  return row ?? null;
}

/** The agency's default register of a kind, created the first time it is needed. */
export async function ensureRegister(db: Db, values: { id: string; tenantId: string; agencyId: string; direction: 'incoming' | 'outgoing'; name: string; secret: boolean }) {
  const query = prepared(db, 'documents_register_by_name', (d) =>
    d
      .select()
      .from(documentRegisters)
      .where(
        and(
          eq(documentRegisters.tenantId, sql.placeholder('tenantId')),
          eq(documentRegisters.agencyId, sql.placeholder('agencyId')),
          eq(documentRegisters.direction, sql.placeholder('direction')),
          eq(documentRegisters.name, sql.placeholder('name')),
        ),
      )
      .prepare('documents_register_by_name'),
  );
  const find = async () => (await query.execute({ tenantId: values.tenantId, agencyId: values.agencyId, direction: values.direction, name: values.name }))[0];
  const existing = await find();
  if (existing) return existing;
  await db.insert(documentRegisters).values(values).onConflictDoNothing();
  return (await find())!;
}

/**
 * Takes the next n numbers of a register for a year and answers the last one. The counter row is locked
 * until the transaction ends, so concurrent writers queue here and a rolled-back one gives its numbers
 * back: no gap, no duplicate.
 */
export async function takeNumbers(db: Db, registerId: string, year: number, n: number): Promise<number> {
  const [row] = await db
    .insert(registerCounters)
    .values({ registerId, year, lastNumber: n })
    .onConflictDoUpdate({ target: [registerCounters.registerId, registerCounters.year], set: { lastNumber: sql`${registerCounters.lastNumber} + ${n}` } })
    .returning({ n: registerCounters.lastNumber });
  return row!.n;
}

export const nextNumber = (db: Db, registerId: string, year: number): Promise<number> => takeNumbers(db, registerId, year, 1);

export async function findDuplicates(
  db: Db,
  tenantId: string,
  agencyId: string,
  d: { codeNumber: string; codeNotation: string; issuedDate: string; senderAgencyId: string | null; senderName: string },
) {
  const byAgency = Boolean(d.senderAgencyId);
  const name = byAgency ? 'documents_duplicates_by_agency' : 'documents_duplicates_by_name';
  const query = prepared(db, name, (dbx) =>
    dbx
      .select({ id: documents.id, arrivalNumber: documents.arrivalNumber, arrivalYear: documents.arrivalYear, receivedAt: documents.receivedAt })
      .from(documents)
      .where(
        and(
          eq(documents.tenantId, sql.placeholder('tenantId')),
          eq(documents.agencyId, sql.placeholder('agencyId')),
          eq(documents.direction, 'incoming'),
          eq(documents.codeNumber, sql.placeholder('codeNumber')),
          sql`upper(${documents.codeNotation}) = upper(${sql.placeholder('codeNotation')})`,
          eq(documents.issuedDate, sql.placeholder('issuedDate')),
          byAgency ? eq(documents.senderAgencyId, sql.placeholder('sender')) : sql`f_unaccent(${documents.senderName}) = f_unaccent(${sql.placeholder('sender')})`,
        ),
      )
      .orderBy(asc(documents.receivedAt))
      .limit(5)
      .prepare(name),
  );
  return query.execute({ tenantId, agencyId, codeNumber: d.codeNumber, codeNotation: d.codeNotation, issuedDate: d.issuedDate, sender: d.senderAgencyId ?? d.senderName });
}

export async function insertDocument(db: Db, values: typeof documents.$inferInsert) {
  await db.insert(documents).values(values);
}

/** New documents with their first timeline entries and any other first write (their audit entries), in one statement. */
export async function insertDocumentsWith(db: Db, values: (typeof documents.$inferInsert)[], events: (typeof documentEvents.$inferInsert)[], also: SQL) {
  await db.execute(sql`with d as (${db.insert(documents).values(values).getSQL()}), e as (${db.insert(documentEvents).values(events).getSQL()}) ${also}`);
}

export async function attachFiles(db: Db, documentId: string, fileIds: string[]) {
  if (fileIds.length === 0) return;
  await db.insert(documentFiles).values(fileIds.map((fileId, i) => ({ documentId, fileId, role: i === 0 ? ('main' as const) : ('attachment' as const), position: i })));
}

export async function addViewers(db: Db, documentId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db.insert(documentViewers).values([...new Set(userIds)].map((userId) => ({ documentId, userId }))).onConflictDoNothing();
}

export async function addEvent(db: Db, values: typeof documentEvents.$inferInsert) {
  await db.insert(documentEvents).values(values);
}

const documentColumns = { ...getTableColumns(documents), registerName: documentRegisters.name };

/** What a reader may see: the agency's own non-secret documents, or secret ones naming the reader. */
export interface VisibilityFilter {
  userId: string;
  unitId: string;
  agencyIds: string[];
  /** the clerks' agencies: they number and issue every signed outgoing document, secret ones too */
  clerkAgencyIds: string[];
}

export function visible(v: VisibilityFilter): SQL {
  // Someone who reads no agency's documents sees only what names them or came from them: a small set,
  // from which the query can start instead of testing every document.
  if (v.agencyIds.length === 0 && v.clerkAgencyIds.length === 0) {
    return sql`${documents.id} in (select ${documentViewers.documentId} from ${documentViewers} where ${documentViewers.userId} = ${v.userId} union select ${documentAssignments.documentId} from ${documentAssignments} where ${documentAssignments.status} <> 'recalled' and (${documentAssignments.userId} = ${v.userId} or (${documentAssignments.userId} is null and ${documentAssignments.unitId} = ${v.unitId})) union select d.id from documents d where d.created_by = ${v.userId} and d.source_document_id is null)`;
  }
  const ownAgency = v.agencyIds.length > 0 ? and(inArray(documents.agencyId, v.agencyIds), eq(documents.confidentiality, 'normal')) : undefined;
  // one uncorrelated set (named on it, or given to the reader or their unit): PostgreSQL hashes it once
  // instead of probing two tables for every candidate row of a search
  const namedOrAssigned = sql`${documents.id} in (select ${documentViewers.documentId} from ${documentViewers} where ${documentViewers.userId} = ${v.userId} union all select ${documentAssignments.documentId} from ${documentAssignments} where ${documentAssignments.status} <> 'recalled' and (${documentAssignments.userId} = ${v.userId} or (${documentAssignments.userId} is null and ${documentAssignments.unitId} = ${v.unitId})))`;
  // the clerk who registered it or the drafter; not the sender's clerk on a delivered copy
  const author = and(eq(documents.createdBy, v.userId), isNull(documents.sourceDocumentId));
  const toNumber =
    v.clerkAgencyIds.length > 0 ? and(inArray(documents.agencyId, v.clerkAgencyIds), eq(documents.direction, 'outgoing'), inArray(documents.status, ['signed', 'issued', 'recalled'])) : undefined;
  return or(ownAgency, namedOrAssigned, author, toNumber)!;
}

export interface IncomingFilter {
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  urgency?: string | undefined;
  typeCode?: string | undefined;
  registerId?: string | undefined;
  limit: number;
  offset: number;
}

export async function findIncoming(db: Db, tenantId: string, v: VisibilityFilter, f: IncomingFilter) {
  const conds: SQL[] = [eq(documents.tenantId, tenantId), eq(documents.direction, 'incoming'), visible(v)];
  for (const p of f.q ? likePatterns(f.q) : []) conds.push(like(documents.searchText, p));
  if (f.from) conds.push(gte(documents.receivedAt, f.from));
  if (f.to) conds.push(lt(documents.receivedAt, f.to));
  if (f.urgency) conds.push(eq(documents.urgency, f.urgency));
  if (f.typeCode) conds.push(eq(documents.typeCode, f.typeCode));
  if (f.registerId) conds.push(eq(documents.registerId, f.registerId));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select(documentColumns)
      .from(documents)
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(where)
      .orderBy(desc(documents.receivedAt), desc(documents.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items: items as DocumentRow[], total: total?.n ?? 0 };
}

export async function getVisibleDocument(db: Db, tenantId: string, v: VisibilityFilter, id: string): Promise<DocumentRow | null> {
  const select = (d: Db, filter: VisibilityFilter, tenant: string | Placeholder, docId: string | Placeholder) =>
    d
      .select(documentColumns)
      .from(documents)
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(and(eq(documents.tenantId, tenant), eq(documents.id, docId), visible(filter)));
  if (v.agencyIds.length > 1 || v.clerkAgencyIds.length > 1) return ((await select(db, v, tenantId, id))[0] as DocumentRow | undefined) ?? null;
  // every opening of a document asks this: one prepared statement per shape of the reader's scope
  const name = `documents_visible_${v.agencyIds.length}${v.clerkAgencyIds.length}`;
  const p = (key: string) => sql.placeholder(key) as unknown as string;
  const query = prepared(db, name, (d) =>
    select(d, { userId: p('userId'), unitId: p('unitId'), agencyIds: v.agencyIds.length ? [p('agencyId')] : [], clerkAgencyIds: v.clerkAgencyIds.length ? [p('clerkAgencyId')] : [] }, sql.placeholder('tenantId'), sql.placeholder('id')).prepare(name),
  );
  const [row] = await query.execute({ tenantId, id, userId: v.userId, unitId: v.unitId, agencyId: v.agencyIds[0], clerkAgencyId: v.clerkAgencyIds[0] });
  return (row as DocumentRow | undefined) ?? null;
}

export async function getDocumentFiles(db: Db, documentId: string) {
  const query = prepared(db, 'documents_files', (d) =>
    d
      .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256, role: documentFiles.role, version: documentFiles.version, position: documentFiles.position, addedAt: documentFiles.addedAt, tenantId: files.tenantId, createdBy: files.createdBy, createdAt: files.createdAt })
      .from(documentFiles)
      .innerJoin(files, eq(files.id, documentFiles.fileId))
      .where(eq(documentFiles.documentId, sql.placeholder('documentId')))
      .orderBy(asc(documentFiles.position), asc(documentFiles.version))
      .prepare('documents_files'),
  );
  return query.execute({ documentId });
}

export async function getDocumentEvents(db: Db, documentId: string) {
  const query = prepared(db, 'documents_events', (d) =>
    d.select().from(documentEvents).where(eq(documentEvents.documentId, sql.placeholder('documentId'))).orderBy(asc(documentEvents.at), asc(documentEvents.id)).prepare('documents_events'),
  );
  return query.execute({ documentId });
}

/** Uploaded files the actor may attach: in the tenant, uploaded by them, not yet attached to a document. */
export async function findAttachableFiles(db: Db, tenantId: string, userId: string, ids: string[], lock = false) {
  if (ids.length === 0) return [];
  const query = db
    .select({ id: files.id, mime: files.mime, name: files.name, size: files.size })
    .from(files)
    .where(
      and(
        eq(files.tenantId, tenantId),
        eq(files.createdBy, userId),
        inArray(files.id, ids),
        sql`not exists (select 1 from ${documentFiles} where ${documentFiles.fileId} = ${files.id})`,
      ),
    );
  // locked while attaching: a second document wanting the same file waits, then sees it taken
  return lock ? query.for('update') : query;
}

export async function hasOpenedFile(db: Db, documentId: string, userId: string, fileId: string) {
  const [row] = await db
    .select({ id: documentEvents.id })
    .from(documentEvents)
    .where(and(eq(documentEvents.documentId, documentId), eq(documentEvents.actorId, userId), eq(documentEvents.kind, 'file_read'), sql`${documentEvents.data}->>'fileId' = ${fileId}`))
    .limit(1);
  return Boolean(row);
}
