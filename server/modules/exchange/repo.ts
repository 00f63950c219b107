import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { agencies } from '../org/tables.js';
import { exchangeMessages, type ExchangeMessageStatus } from './tables.js';

export type ExchangeMessageRow = typeof exchangeMessages.$inferSelect;

export async function findByDocumentId(db: Db, tenantId: string, agencyId: string, edxmlDocumentId: string) {
  const [row] = await db
    .select()
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), eq(exchangeMessages.edxmlDocumentId, edxmlDocumentId)));
  return row ?? null;
}

/** false when the same message arrived meanwhile (the unique DocumentId per agency). */
export async function insertMessage(db: Db, values: typeof exchangeMessages.$inferInsert): Promise<boolean> {
  const rows = await db.insert(exchangeMessages).values(values).onConflictDoNothing().returning({ id: exchangeMessages.id });
  return rows.length > 0;
}

export async function getMessage(db: Db, tenantId: string, agencyId: string, id: string) {
  const [row] = await db.select().from(exchangeMessages).where(and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), eq(exchangeMessages.id, id)));
  return row ?? null;
}

export async function findMessages(db: Db, tenantId: string, agencyId: string, status: ExchangeMessageStatus | undefined, limit: number, offset: number) {
  const where = and(eq(exchangeMessages.tenantId, tenantId), eq(exchangeMessages.agencyId, agencyId), status ? eq(exchangeMessages.status, status) : undefined);
  return db.select().from(exchangeMessages).where(where).orderBy(desc(exchangeMessages.receivedAt)).limit(limit).offset(offset);
}

export async function markRegistered(db: Db, id: string, documentId: string) {
  await db.update(exchangeMessages).set({ status: 'registered', documentId }).where(eq(exchangeMessages.id, id));
}

/** The agency of the province with this identifier code (mã định danh), when the sender is one. */
export async function agencyByCode(db: Db, tenantId: string, code: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.identifierCode, code)));
  return row ?? null;
}
