import { and, asc, desc, eq, gte, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import { documentRegisters, documents, registerClosings } from './tables.js';

const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
const nextDayStart = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

// select-list subqueries name the outer columns in full: drizzle leaves them unqualified there
/** Names of the lead and coordinating handlers, the first routing time and the reply, per document. */
const routedTo = sql<string | null>`(select string_agg(coalesce(u.full_name, un.name), '; ' order by a.created_at) from document_assignments a join units un on un.id = a.unit_id left join users u on u.id = a.user_id where a.document_id = "documents"."id" and a.parent_id is null and a.role in ('lead', 'coordinate') and a.status <> 'recalled')`;
const routedAt = sql<Date | null>`(select min(a.created_at) from document_assignments a where a.document_id = "documents"."id" and a.role in ('lead', 'coordinate'))`;
const accepted = sql<string | null>`(select string_agg(coalesce(u.full_name, un.name) || ' ' || to_char(a.accepted_at at time zone 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY'), '; ') from document_assignments a join units un on un.id = a.unit_id left join users u on u.id = a.user_id where a.document_id = "documents"."id" and a.parent_id is null and a.role = 'lead' and a.accepted_at is not null)`;
const leadDue = sql<string | null>`(select to_char(a.due_date, 'YYYY-MM-DD') from document_assignments a where a.document_id = "documents"."id" and a.parent_id is null and a.role = 'lead' and a.status <> 'recalled' order by a.created_at desc limit 1)`;
const leadState = sql<string | null>`(select a.status || '|' || coalesce(to_char(a.done_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'), '') || '|' || coalesce(a.result, '') from document_assignments a where a.document_id = "documents"."id" and a.parent_id is null and a.role = 'lead' and a.status <> 'recalled' order by a.created_at desc limit 1)`;
const replies = sql<string | null>`(select string_agg(r.code_number || '/' || r.code_notation, '; ') from documents r where r.reply_to_id = "documents"."id" and r.status = 'issued')`;
const recipientNames = sql<string | null>`(select string_agg(r.name, '; ' order by r.position) from document_recipients r where r.document_id = "documents"."id")`;
const recipientCount = sql<number>`(select count(*)::int from document_recipients r where r.document_id = "documents"."id")`;
const draftingUnit = sql<string | null>`(select un.name from units un where un.id = "documents"."drafting_unit_id")`;

export async function incomingEntries(db: Db, registerId: string, from: string, to: string) {
  return db
    .select({
      id: documents.id,
      receivedAt: documents.receivedAt,
      arrivalNumber: documents.arrivalNumber,
      senderName: documents.senderName,
      codeNumber: documents.codeNumber,
      codeNotation: documents.codeNotation,
      issuedDate: documents.issuedDate,
      typeCode: documents.typeCode,
      subject: documents.subject,
      status: documents.status,
      channel: documents.channel,
      routedTo,
      routedAt,
      accepted,
      leadDue,
      leadState,
      replies,
    })
    .from(documents)
    .where(and(eq(documents.registerId, registerId), gte(documents.receivedAt, dayStart(from)), lt(documents.receivedAt, nextDayStart(to))))
    .orderBy(asc(documents.arrivalYear), asc(documents.arrivalNumber));
}

export async function outgoingEntries(db: Db, registerId: string, from: string, to: string) {
  return db
    .select({
      id: documents.id,
      codeNumber: documents.codeNumber,
      codeNotation: documents.codeNotation,
      issueNumber: documents.issueNumber,
      issuedDate: documents.issuedDate,
      issuedAt: documents.issuedAt,
      typeCode: documents.typeCode,
      subject: documents.subject,
      signerName: documents.signerName,
      status: documents.status,
      recipientNames,
      recipientCount,
      draftingUnit,
    })
    .from(documents)
    .where(and(eq(documents.registerId, registerId), gte(documents.issuedDate, from), lte(documents.issuedDate, to)))
    .orderBy(asc(documents.issueYear), asc(documents.issueNumber));
}

export async function getRegisterForUpdate(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(documentRegisters).where(and(eq(documentRegisters.tenantId, tenantId), eq(documentRegisters.id, id))).for('update');
  return row ?? null;
}

export async function findClosings(db: Db, registerId: string) {
  return db.select().from(registerClosings).where(eq(registerClosings.registerId, registerId)).orderBy(desc(registerClosings.volume));
}

/** The last day already closed in a register, or null. */
export async function closedThrough(db: Db, registerId: string): Promise<string | null> {
  const query = prepared(db, 'documents_register_closed_through', (d) =>
    d.select({ d: max(registerClosings.toDate) }).from(registerClosings).where(eq(registerClosings.registerId, sql.placeholder('registerId'))).prepare('documents_register_closed_through'),
  );
  const [row] = await query.execute({ registerId });
  return row?.d ?? null;
}

export async function insertClosing(db: Db, values: typeof registerClosings.$inferInsert) {
  await db.insert(registerClosings).values(values);
}

export async function insertRegister(db: Db, values: typeof documentRegisters.$inferInsert) {
  await db.insert(documentRegisters).values(values);
}

export async function updateRegister(db: Db, id: string, values: Partial<typeof documentRegisters.$inferInsert>) {
  await db.update(documentRegisters).set(values).where(eq(documentRegisters.id, id));
}
