import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, units, users } from '../org/tables.js';

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
    /** Outgoing series for these types only (e.g. a separate series for decisions); null = every other type. */
    typeCodes: text('type_codes').array(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('document_registers_name_uq').on(t.tenantId, t.agencyId, t.direction, t.name)],
);

/** The last number given in a register for a year: incremented in the registering transaction (rule 4). */
export const registerCounters = pgTable(
  'register_counters',
  {
    registerId: uuid('register_id').references(() => documentRegisters.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registerId, t.year] })],
);

/** A document's status: incoming ones follow their lead handler, outgoing ones the review chain and issue. */
export const DOCUMENT_STATUSES = ['registered', 'presented', 'in_progress', 'done', 'withdrawn', 'draft', 'in_review', 'returned', 'approved', 'signed', 'issued', 'recalled'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documents = pgTable(
  'documents',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
    registerId: uuid('register_id').references(() => documentRegisters.id),
    arrivalNumber: integer('arrival_number'),
    arrivalYear: integer('arrival_year'),
    receivedAt: instant('received_at'),
    channel: text('channel', { enum: ['paper', 'electronic'] }).notNull(),
    senderAgencyId: uuid('sender_agency_id').references(() => agencies.id),
    senderName: text('sender_name').notNull(),
    codeNumber: text('code_number'),
    codeNotation: text('code_notation'),
    issuedDate: date('issued_date', { mode: 'string' }),
    typeCode: text('type_code').notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    pages: integer('pages'),
    urgency: text('urgency').notNull(),
    confidentiality: text('confidentiality').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull(),
    // outgoing: the drafting unit, the intended signer, who holds the draft now, and the number given at issue
    draftingUnitId: uuid('drafting_unit_id').references(() => units.id),
    signerId: uuid('signer_id').references(() => users.id),
    holderId: uuid('holder_id').references(() => users.id),
    issueNumber: integer('issue_number'),
    issueYear: integer('issue_year'),
    issuedAt: instant('issued_at'),
    /** incoming copy of an outgoing document of the same tenant */
    sourceDocumentId: uuid('source_document_id'),
    /** outgoing document answering an incoming one */
    replyToId: uuid('reply_to_id'),
    /** the text of the PDF files, search key form (no accents, lower case), extracted after registration */
    contentKey: text('content_key'),
    contentExtractedAt: instant('content_extracted_at'),
    searchText: text('search_text').generatedAlwaysAs(
      sql`f_unaccent(coalesce(code_number || '/' || code_notation, '') || ' ' || subject || ' ' || sender_name || ' ' || coalesce(signer_name, ''))`,
    ),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('documents_register_number_uq').on(t.registerId, t.arrivalYear, t.arrivalNumber),
    uniqueIndex('documents_issue_number_uq').on(t.registerId, t.issueYear, t.issueNumber),
    check(
      'documents_incoming_registered',
      sql`direction = 'outgoing' or (register_id is not null and arrival_number is not null and arrival_year is not null and received_at is not null and code_number is not null and code_notation is not null and issued_date is not null)`,
    ),
    check('documents_issued_numbered', sql`direction = 'incoming' or status not in ('issued', 'recalled') or (issue_number is not null and code_number is not null and issued_date is not null)`),
    index('documents_outgoing_holder_idx').on(t.tenantId, t.holderId, t.status),
    // search pages newest first: the day a document entered the books (received, or issued)
    // what one person drafted or registered: their drafts, and the start of a non-clerk's search
    index('documents_created_by_idx').on(t.createdBy),
    index('documents_booked_idx').on(t.tenantId, sql`(coalesce(${t.receivedAt}, ${t.issuedAt})) desc`, sql`${t.id} desc`),
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
    /** drafts keep every version of the content file: the highest is the current one */
    version: integer('version').notNull().default(1),
    addedAt: instant('added_at').notNull().defaultNow(),
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

export const ASSIGNMENT_ROLES = ['direct', 'lead', 'coordinate', 'info'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_STATUSES = ['pending', 'accepted', 'forwarded', 'done', 'recalled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * Routing of a document (Decree 30 art. 23–24): presented to a leader for direction ("direct"), then one
 * lead handler, coordinators and readers for information, each a unit (user_id null) or a person. A
 * forward inside a unit is a child row; the parent waits for it.
 */
export const documentAssignments = pgTable(
  'document_assignments',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    parentId: uuid('parent_id'),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    instruction: text('instruction'),
    dueDate: date('due_date', { mode: 'string' }),
    originalDueDate: date('original_due_date', { mode: 'string' }),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull(),
    result: text('result'),
    assignedBy: uuid('assigned_by').notNull().references(() => users.id),
    assignedByName: text('assigned_by_name').notNull(),
    createdAt: createdAt(),
    acceptedAt: instant('accepted_at'),
    doneAt: instant('done_at'),
  },
  (t) => [
    index('document_assignments_doc_idx').on(t.documentId),
    index('document_assignments_user_idx').on(t.tenantId, t.userId, t.status),
    index('document_assignments_unit_idx').on(t.tenantId, t.unitId, t.status),
  ],
);

/** Who has read a document, and when first and last (issue 3 item 4: "reading is recorded"). */
export const documentReads = pgTable(
  'document_reads',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    firstReadAt: instant('first_read_at').notNull().defaultNow(),
    lastReadAt: instant('last_read_at').notNull().defaultNow(),
    readCount: integer('read_count').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] })],
);

export const RECIPIENT_KINDS = ['agency', 'unit', 'external'] as const;
export const RECIPIENT_STATUSES = ['pending', 'delivered', 'queued', 'read', 'answered', 'withdrawn', 'rejected'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/**
 * Nơi nhận of an outgoing document: agencies of the tenant (delivered at once as incoming documents),
 * internal units (for information), and outside recipients (queued for electronic exchange).
 */
export const documentRecipients = pgTable(
  'document_recipients',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: RECIPIENT_KINDS }).notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    /** an outside recipient's identifier code (mã định danh), by which the exchange finds it */
    organId: text('organ_id'),
    status: text('status', { enum: RECIPIENT_STATUSES }).notNull().default('pending'),
    /** the last edXML status the outside recipient sent back (01 arrived … 06 completed, 13/15/16 recall) */
    exchangeCode: text('exchange_code'),
    exchangeNote: text('exchange_note'),
    exchangeAt: instant('exchange_at'),
    copyDocumentId: uuid('copy_document_id').references(() => documents.id),
    deliveredAt: instant('delivered_at'),
    readAt: instant('read_at'),
    answeredAt: instant('answered_at'),
  },
  (t) => [index('document_recipients_doc_idx').on(t.documentId), index('document_recipients_copy_idx').on(t.copyDocumentId)],
);

/**
 * A register closed as a book for a period (Decree 30 art. 22: a register kept in the System is printed,
 * signed and closed): the period, the number range and the PDF printed at closing. Nothing is registered
 * into a closed period afterwards.
 */
export const registerClosings = pgTable(
  'register_closings',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    registerId: uuid('register_id').notNull().references(() => documentRegisters.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    volume: integer('volume').notNull(),
    firstNumber: integer('first_number'),
    lastNumber: integer('last_number'),
    entries: integer('entries').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    closedBy: uuid('closed_by').notNull().references(() => users.id),
    closedAt: createdAt(),
  },
  (t) => [uniqueIndex('register_closings_volume_uq').on(t.registerId, t.volume), index('register_closings_register_idx').on(t.registerId, t.toDate)],
);
