import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { documents } from '../documents/tables.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

export const EXCHANGE_MESSAGE_STATUSES = ['pending', 'registered'] as const;
export type ExchangeMessageStatus = (typeof EXCHANGE_MESSAGE_STATUSES)[number];

/**
 * An edXML message received by an agency (imported as a file today; the transport between instances comes
 * next): what it says, its files (stored and type-checked like uploads) and, once the clerk has registered
 * it, the incoming document it became. The same DocumentId twice is the same message.
 */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    edxmlDocumentId: text('edxml_document_id').notNull(),
    /** 0 new, 1 revoke, 2 update, 3 replace */
    businessDocType: integer('business_doc_type').notNull(),
    fromOrganId: text('from_organ_id').notNull(),
    fromName: text('from_name').notNull(),
    codeNumber: text('code_number').notNull(),
    codeNotation: text('code_notation'),
    promulgationDate: date('promulgation_date'),
    typeName: text('type_name'),
    subject: text('subject').notNull(),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    /** the attachments kept, in the message's order, and the ones refused with why */
    fileIds: uuid('file_ids').array().notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    /** the message as received */
    sourceFileId: uuid('source_file_id')
      .notNull()
      .references(() => files.id),
    status: text('status', { enum: EXCHANGE_MESSAGE_STATUSES }).notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex('exchange_messages_document_uq').on(t.tenantId, t.agencyId, t.edxmlDocumentId), index('exchange_messages_status_idx').on(t.tenantId, t.agencyId, t.status)],
);
