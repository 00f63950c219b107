import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns.js';
import type { MessageSignature } from './message-signature.js';
import { documentRecipients, documents } from '../documents/tables.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

/**
 * pending: waits for the clerk; registered: became an incoming document; rejected: returned to the sender;
 * withdrawn: set aside because its sender took it back (a recall, a revocation, a replacement);
 * applied: a revocation or update carried out on the document it names
 */
export const EXCHANGE_MESSAGE_STATUSES = ['pending', 'registered', 'rejected', 'withdrawn', 'applied'] as const;
export type ExchangeMessageStatus = (typeof EXCHANGE_MESSAGE_STATUSES)[number];

/**
 * An edXML message received by an agency, from a file or a peer: what it says, its files (stored and
 * type-checked like uploads) and, once the clerk has registered it, the incoming document it became. The
 * same DocumentId and message key twice is the same message.
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
    /**
     * What tells messages with one DocumentId apart: '' for a document (new or replacing), 'revoke' for its
     * revocation, 'update:<digest of what it says>' for each different update of it.
     */
    messageKey: text('message_key').notNull().default(''),
    /** BussinessDocReason: why the sender revokes, updates or replaces */
    businessReason: text('business_reason'),
    /** the DocumentIds a revocation, update or replacement acts on */
    targetDocumentIds: text('target_document_ids').array().notNull().default(sql`'{}'::text[]`),
    /** what a revocation, update or replacement did here, in the clerk's words (also on the documents it touched) */
    outcome: text('outcome'),
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
    /** the message's XML-DSig signature as judged on arrival (null: received before signatures were checked) */
    signature: jsonb('signature').$type<MessageSignature>(),
    /** the message as received */
    sourceFileId: uuid('source_file_id')
      .notNull()
      .references(() => files.id),
    status: text('status', { enum: EXCHANGE_MESSAGE_STATUSES }).notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    /** the clerk who imported the file, or the account whose API token the sending instance used */
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    /** the peer it came from, when it came through the exchange: status messages go back there */
    peerId: uuid('peer_id'),
    /** the last status code sent back to the sender (01 arrived … 06 completed) */
    lastStatusCode: text('last_status_code'),
    rejectReason: text('reject_reason'),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex('exchange_messages_document_uq').on(t.tenantId, t.agencyId, t.edxmlDocumentId, t.messageKey), index('exchange_messages_status_idx').on(t.tenantId, t.agencyId, t.status)],
);

/**
 * Another instance (another province's system, or the national exchange axis) that this tenant sends to:
 * its address, the identifier codes of the agencies it serves, and the API token of its receiving account
 * that we present (sealed with the server's key). It sends to us with an API token of ours, like any client.
 */
export const exchangePeers = pgTable(
  'exchange_peers',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    organIds: text('organ_ids').array().notNull(),
    sealedToken: text('sealed_token').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('exchange_peers_tenant_idx').on(t.tenantId)],
);

export const OUTBOX_KINDS = ['document', 'status'] as const;
/**
 * pending: to send (again); sent: acknowledged by the peer; failed: refused for good (4xx), waits for a person;
 * cancelled: the document was recalled before it could be sent
 */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * What waits to be sent to a peer, kept until the peer acknowledges it (at-least-once; the receiver is
 * idempotent): an issued document for one outside recipient, or a status message about a received one.
 * A failed attempt is retried with a growing delay.
 */
export const exchangeOutbox = pgTable(
  'exchange_outbox',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    peerId: uuid('peer_id')
      .notNull()
      .references(() => exchangePeers.id),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    toOrganId: text('to_organ_id').notNull(),
    /** the DocumentId of the document the message is, or is about */
    edxmlDocumentId: text('edxml_document_id').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    recipientId: uuid('recipient_id').references(() => documentRecipients.id),
    messageId: uuid('message_id').references(() => exchangeMessages.id),
    statusCode: text('status_code'),
    /** the edXML as it is sent, kept as a file */
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('exchange_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('exchange_outbox_tenant_idx').on(t.tenantId, t.agencyId, t.createdAt),
    uniqueIndex('exchange_outbox_recipient_uq').on(t.recipientId).where(sql`${t.kind} = 'document'`),
    uniqueIndex('exchange_outbox_status_uq').on(t.messageId, t.statusCode).where(sql`${t.kind} = 'status'`),
    index('exchange_outbox_document_idx').on(t.tenantId, t.edxmlDocumentId, t.toOrganId),
  ],
);
