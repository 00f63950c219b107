import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

/** Sổ đăng ký: each agency keeps its own, with a separate series for secret documents (Decree 30 art. 15.2). */
export const documentRegisters = pgTable(
  'document_registers',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    name: text('name').notNull(),
    secret: boolean('secret').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('document_registers_name_uq').on(t.tenantId, t.agencyId, t.direction, t.name)],
);

/** The last number given in a register for a year: incremented in the registering transaction (rule 4). */
export const registerCounters = pgTable(
  'register_counters',
  {
    registerId: uuid('register_id').notNull().references(() => documentRegisters.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.year] })],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    registerId: uuid('register_id').notNull().references(() => documentRegisters.id),
    arrivalNumber: integer('arrival_number').notNull(),
    arrivalYear: integer('arrival_year').notNull(),
    receivedAt: instant('received_at').notNull(),
    channel: text('channel', { enum: ['paper', 'electronic'] }).notNull(),
    senderAgencyId: uuid('sender_agency_id').references(() => agencies.id),
    senderName: text('sender_name').notNull(),
    codeNumber: text('code_number').notNull(),
    codeNotation: text('code_notation').notNull(),
    issuedDate: date('issued_date', { mode: 'string' }).notNull(),
    typeCode: text('type_code').notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    pages: integer('pages'),
    urgency: text('urgency').notNull(),
    confidentiality: text('confidentiality').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`f_unaccent(code_number || '/' || code_notation || ' ' || subject || ' ' || sender_name || ' ' || coalesce(signer_name, ''))`,
    ),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('documents_register_number_uq').on(t.registerId, t.arrivalYear, t.arrivalNumber),
    index('documents_agency_received_idx').on(t.tenantId, t.agencyId, t.direction, t.receivedAt),
    index('documents_duplicate_idx').on(t.tenantId, t.agencyId, t.codeNumber, t.codeNotation, t.issuedDate),
  ],
);

export const documentFiles = pgTable(
  'document_files',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id),
    fileId: uuid('file_id').notNull().references(() => files.id),
    role: text('role', { enum: ['main', 'attachment'] }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.fileId] })],
);

/** The people named on a secret document: nobody else sees it (issue 3 item 3). */
export const documentViewers = pgTable(
  'document_viewers',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id),
    userId: uuid('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] })],
);

/** The document's timeline: who did what, when, with what note. */
export const documentEvents = pgTable(
  'document_events',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    kind: text('kind').notNull(),
    note: text('note'),
    data: jsonb('data'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [index('document_events_doc_idx').on(t.documentId, t.at)],
);
