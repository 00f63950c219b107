import { and, arrayContains, asc, count, desc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { agencies } from '../org/tables.js';
import { exchangeMessages, exchangeOutbox, exchangePeers, type ExchangeMessageStatus, type OutboxStatus } from './tables.js';

export type ExchangeMessageRow = typeof exchangeMessages.$inferSelect;

/** The message received earlier with this DocumentId and key (see exchangeMessages.messageKey). */
export async function findByDocumentId(db: Db, tenantId: string, agencyId: string, edxmlDocumentId: string, messageKey: string) {
  const [row] = await db
    .select()
    .from(exchangeMessages)
    .where(
      and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), eq(exchangeMessages.edxmlDocumentId, edxmlDocumentId), eq(exchangeMessages.messageKey, messageKey)),
    );
  return row ?? null;
}

/**
 * The documents a sender sent this agency under a DocumentId — not its revocations nor the updates already
 * carried out — locked, since a revocation, update or replacement is about to change them.
 */
export async function documentsSentAs(db: Db, tenantId: string, agencyId: string, fromOrganId: string, edxmlDocumentId: string) {
  return db
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.tenantId, tenantId),
        eq(exchangeMessages.agencyId, agencyId),
        eq(exchangeMessages.fromOrganId, fromOrganId),
        eq(exchangeMessages.edxmlDocumentId, edxmlDocumentId),
        ne(exchangeMessages.businessDocType, 1),
        ne(exchangeMessages.status, 'applied'),
      ),
    )
    .orderBy(asc(exchangeMessages.receivedAt), asc(exchangeMessages.id))
    .for('update');
}

/**
 * Revocations still waiting for their document, and replacements, that name this DocumentId: a document
 * that arrives after them is set aside at once.
 */
export async function businessMessagesNaming(db: Db, tenantId: string, agencyId: string, fromOrganId: string, edxmlDocumentId: string) {
  return db
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.tenantId, tenantId),
        eq(exchangeMessages.agencyId, agencyId),
        eq(exchangeMessages.fromOrganId, fromOrganId),
        arrayContains(exchangeMessages.targetDocumentIds, [edxmlDocumentId]),
        or(and(eq(exchangeMessages.businessDocType, 1), eq(exchangeMessages.status, 'pending')), eq(exchangeMessages.businessDocType, 3)),
      ),
    )
    .orderBy(asc(exchangeMessages.receivedAt), asc(exchangeMessages.id));
}

/** false when the same message arrived meanwhile (the unique DocumentId and key per agency). */
export async function insertMessage(db: Db, values: typeof exchangeMessages.$inferInsert): Promise<boolean> {
  const rows = await db.insert(exchangeMessages).values(values).onConflictDoNothing().returning({ id: exchangeMessages.id });
  return rows.length > 0;
}

export async function getMessage(db: Db, tenantId: string, agencyId: string, id: string) {
  const [row] = await db.select().from(exchangeMessages).where(and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), eq(exchangeMessages.id, id)));
  return row ?? null;
}

/** One page of the agency's received messages, newest first, and how many there are in all. */
export async function findMessages(db: Db, tenantId: string, agencyId: string, status: ExchangeMessageStatus | undefined, limit: number, offset: number) {
  const where = and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), status ? eq(exchangeMessages.status, status) : undefined);
  const [items, [counted]] = await Promise.all([
    db.select().from(exchangeMessages).where(where).orderBy(desc(exchangeMessages.receivedAt), desc(exchangeMessages.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(exchangeMessages).where(where),
  ]);
  return { items, total: counted?.total ?? 0 };
}

export async function markRegistered(db: Db, id: string, documentId: string) {
  await db.update(exchangeMessages).set({ status: 'registered', documentId }).where(eq(exchangeMessages.id, id));
}

/** The agency of the province with this identifier code (mã định danh), when the sender is one. */
export async function agencyByCode(db: Db, tenantId: string, code: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.identifierCode, code)));
  return row ?? null;
}

/** The active agencies of the tenant among these identifier codes. */
export async function agenciesByCodes(db: Db, tenantId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: agencies.id, name: agencies.name, identifierCode: agencies.identifierCode })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.active, true), inArray(agencies.identifierCode, codes)));
}

export async function agencyOrgan(db: Db, tenantId: string, agencyId: string) {
  const [row] = await db.select({ name: agencies.name, identifierCode: agencies.identifierCode }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, agencyId)));
  return row ?? null;
}

export async function updateMessage(db: Db, id: string, values: Partial<typeof exchangeMessages.$inferInsert>) {
  await db.update(exchangeMessages).set(values).where(eq(exchangeMessages.id, id));
}

/** Received through the exchange, registered, and not yet reported completed to the sender. */
export async function messagesToReport(db: Db, limit: number) {
  return db
    .select()
    .from(exchangeMessages)
    .where(and(isNotNull(exchangeMessages.peerId), isNotNull(exchangeMessages.documentId), eq(exchangeMessages.status, 'registered'), ne(sql`coalesce(${exchangeMessages.lastStatusCode}, '')`, '06')))
    .orderBy(asc(exchangeMessages.receivedAt))
    .limit(limit);
}

// peers

export type PeerRow = typeof exchangePeers.$inferSelect;

export async function insertPeer(db: Db, values: typeof exchangePeers.$inferInsert) {
  await db.insert(exchangePeers).values(values);
}

export async function activePeers(db: Db, tenantId: string) {
  return db.select().from(exchangePeers).where(and(eq(exchangePeers.tenantId, tenantId), eq(exchangePeers.active, true))).orderBy(asc(exchangePeers.name));
}

export async function getPeer(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(exchangePeers).where(and(eq(exchangePeers.tenantId, tenantId), eq(exchangePeers.id, id)));
  return row ?? null;
}

export async function deactivatePeer(db: Db, id: string) {
  await db.update(exchangePeers).set({ active: false }).where(eq(exchangePeers.id, id));
}

/** The connection that serves an agency outside the province, by its identifier code. */
export async function peerFor(db: Db, tenantId: string, organId: string) {
  const [row] = await db
    .select()
    .from(exchangePeers)
    .where(and(eq(exchangePeers.tenantId, tenantId), eq(exchangePeers.active, true), arrayContains(exchangePeers.organIds, [organId])))
    .orderBy(asc(exchangePeers.createdAt))
    .limit(1);
  return row ?? null;
}

// outbox

export type OutboxRow = typeof exchangeOutbox.$inferSelect;

/** false when it was queued already (one document message per recipient, one status code per message). */
export async function enqueue(db: Db, values: typeof exchangeOutbox.$inferInsert): Promise<boolean> {
  const rows = await db.insert(exchangeOutbox).values(values).onConflictDoNothing().returning({ id: exchangeOutbox.id });
  return rows.length > 0;
}

/** Due for sending, oldest first; rows another instance is sending are skipped. */
export async function claimDue(db: Db, now: Date, limit: number) {
  return db
    .select({ outbox: exchangeOutbox, peer: exchangePeers })
    .from(exchangeOutbox)
    .innerJoin(exchangePeers, eq(exchangePeers.id, exchangeOutbox.peerId))
    .where(and(eq(exchangeOutbox.status, 'pending'), lte(exchangeOutbox.nextAttemptAt, now)))
    .orderBy(asc(exchangeOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { of: exchangeOutbox, skipLocked: true });
}

export async function updateOutbox(db: Db, id: string, values: Partial<typeof exchangeOutbox.$inferInsert>) {
  await db.update(exchangeOutbox).set(values).where(eq(exchangeOutbox.id, id));
}

export async function getOutbox(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(exchangeOutbox).where(and(eq(exchangeOutbox.tenantId, tenantId), eq(exchangeOutbox.id, id)));
  return row ?? null;
}

/** One page of the outbox, newest first, with the connection's name and the agency that sends; and the count. */
export async function listOutbox(db: Db, tenantId: string, agencyId: string | null, status: OutboxStatus | undefined, limit: number, offset: number) {
  const where = and(eq(exchangeOutbox.tenantId, tenantId), agencyId ? eq(exchangeOutbox.agencyId, agencyId) : undefined, status ? eq(exchangeOutbox.status, status) : undefined);
  const [items, [counted]] = await Promise.all([
    db
      .select({ outbox: exchangeOutbox, peerName: exchangePeers.name, agencyName: agencies.name })
      .from(exchangeOutbox)
      .innerJoin(exchangePeers, eq(exchangePeers.id, exchangeOutbox.peerId))
      .innerJoin(agencies, eq(agencies.id, exchangeOutbox.agencyId))
      .where(where)
      .orderBy(desc(exchangeOutbox.createdAt), desc(exchangeOutbox.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(exchangeOutbox).where(where),
  ]);
  return { items, total: counted?.total ?? 0 };
}

/** The document message we sent to `toOrganId` under this DocumentId: a status message is about it. */
export async function sentDocument(db: Db, tenantId: string, edxmlDocumentId: string, toOrganId: string) {
  const [row] = await db
    .select()
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.tenantId, tenantId), eq(exchangeOutbox.kind, 'document'), eq(exchangeOutbox.edxmlDocumentId, edxmlDocumentId), eq(exchangeOutbox.toOrganId, toOrganId)));
  return row ?? null;
}

/** The document message sent (or waiting) for one recipient of ours. */
export async function documentOutboxFor(db: Db, recipientId: string) {
  const [row] = await db.select().from(exchangeOutbox).where(and(eq(exchangeOutbox.recipientId, recipientId), eq(exchangeOutbox.kind, 'document')));
  return row ?? null;
}

/**
 * A received document by the sender's DocumentId and identifier code, in any agency of the tenant: not a
 * revocation of it, nor an update already carried out on it.
 */
export async function receivedByDocumentId(db: Db, tenantId: string, edxmlDocumentId: string, fromOrganId: string) {
  return db
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.tenantId, tenantId),
        eq(exchangeMessages.edxmlDocumentId, edxmlDocumentId),
        eq(exchangeMessages.fromOrganId, fromOrganId),
        ne(exchangeMessages.businessDocType, 1),
        ne(exchangeMessages.status, 'applied'),
      ),
    );
}
