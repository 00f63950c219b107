import type { z } from 'zod';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, handOverFiles, type FileRow } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { DOCUMENT_TYPES, registerIncoming } from '../documents/index.js';
import { parseEdxml } from './edxml-parse.js';
import { EdxmlError } from './errors.js';
import { receiveDocument } from './receive.js';
import { enqueueStatus } from './transport.js';
import * as repo from './repo.js';
import type { ExchangeListQuery, RegisterExchangeRequest } from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;

async function view(ctx: ServiceContext, m: repo.ExchangeMessageRow) {
  const files = (await Promise.all(m.fileIds.map((id) => getFile(ctx.db, ctx.actor.tenantId, id)))).flatMap((f) => (f ? [{ id: f.id, name: f.name, mime: f.mime, size: f.size }] : []));
  return {
    id: m.id,
    edxmlDocumentId: m.edxmlDocumentId,
    businessDocType: m.businessDocType,
    fromOrganId: m.fromOrganId,
    fromName: m.fromName,
    numberNotation: m.codeNotation ? `${m.codeNumber}/${m.codeNotation}` : m.codeNumber,
    promulgationDate: m.promulgationDate,
    typeName: m.typeName,
    subject: m.subject,
    signerName: m.signerName,
    files,
    warnings: m.warnings,
    sourceFileId: m.sourceFileId,
    status: m.status,
    rejectReason: m.rejectReason,
    via: m.peerId ? ('exchange' as const) : ('file' as const),
    lastStatusCode: m.lastStatusCode,
    documentId: m.documentId,
    receivedAt: m.receivedAt.toISOString(),
  };
}

/**
 * Receives an edXML message handed over as a file (issue 4 item 5): parsed liberally and safely, the same
 * DocumentId again is recognised and nothing is stored twice, the attachments are kept as files only when
 * their bytes are a PDF, DOCX or image, and the message waits for the clerk to register it.
 */
export async function importEdxml(ctx: ServiceContext, store: BlobStore, bytes: Uint8Array) {
  requirePermission(ctx.actor, 'document.register');
  let parsed;
  try {
    parsed = parseEdxml(bytes);
  } catch (err) {
    if (err instanceof EdxmlError) throw new DomainError('BAD_REQUEST', err.message);
    throw err;
  }
  if (parsed.kind !== 'document') throw new DomainError('BAD_REQUEST', 'Thông điệp trạng thái chỉ nhận qua kênh liên thông, không nhập từ tệp');
  const { row, duplicate } = await receiveDocument(ctx, store, bytes, parsed, null);
  return { message: await view(ctx, row), duplicate };
}

export async function listExchangeMessages(ctx: ServiceContext, q: In<typeof ExchangeListQuery>) {
  requirePermission(ctx.actor, 'document.register');
  const rows = await repo.findMessages(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, q.status, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await Promise.all(rows.map((r) => view(ctx, r))) };
}

const typeCodeOf = (name: string | null) => DOCUMENT_TYPES.find((t) => name && t.name.localeCompare(name, 'vi', { sensitivity: 'base' }) === 0)?.code;

/** One click of the clerk: the message becomes an incoming document in the agency's register. */
export async function registerExchangeMessage(ctx: ServiceContext, store: BlobStore, id: string, input: In<typeof RegisterExchangeRequest>) {
  requirePermission(ctx.actor, 'document.register');
  const m = await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id);
  if (!m) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông điệp');
  if (m.status === 'registered') throw new DomainError('INVALID_STATE', 'Thông điệp đã được vào sổ');
  if (m.status !== 'pending') throw new DomainError('INVALID_STATE', m.status === 'rejected' ? 'Thông điệp đã bị trả lại nơi gửi' : 'Nơi gửi đã lấy lại thông điệp này');
  if (m.businessDocType !== 0) throw new DomainError('INVALID_STATE', 'Thông điệp thu hồi, cập nhật hoặc thay thế văn bản đã gửi: xử lý trên văn bản gốc');
  if (!m.codeNotation) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ký hiệu văn bản; hãy đăng ký thủ công');
  if (!m.promulgationDate) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ngày ban hành văn bản');
  const typeCode = input.typeCode ?? typeCodeOf(m.typeName);
  if (!typeCode) throw new DomainError('BAD_REQUEST', `Chọn loại văn bản (thông điệp ghi "${m.typeName ?? ''}")`, { errors: [{ path: 'typeCode', message: 'Chọn loại văn bản' }] });
  const sender = await repo.agencyByCode(ctx.db, ctx.actor.tenantId, m.fromOrganId);
  if (m.receivedBy !== ctx.actor.userId) await handOverFiles(ctx, m.fileIds);
  const doc = await registerIncoming(ctx, {
    channel: 'electronic',
    ...(sender ? { senderAgencyId: sender.id } : { senderName: m.fromName.slice(0, 200) }),
    numberNotation: `${m.codeNumber}/${m.codeNotation}`,
    issuedDate: m.promulgationDate,
    typeCode,
    subject: m.subject,
    ...(m.signerName ? { signerName: m.signerName.slice(0, 50) } : {}),
    ...(m.signerPosition ? { signerPosition: m.signerPosition.slice(0, 100) } : {}),
    ...(input.dueInWorkingDays ? { dueInWorkingDays: input.dueInWorkingDays } : {}),
    urgency: 'normal',
    confidentiality: 'normal',
    fileIds: m.fileIds,
    viewerIds: [],
    confirmDuplicate: false,
  });
  await ctx.db.transaction(async (tx) => {
    await repo.markRegistered(tx, m.id, doc.id);
    // Decree 30 art. 21.2.c: the sender hears the same day that its document was accepted.
    await enqueueStatus(tx, store, m, '03', `Đã vào sổ văn bản đến, số đến ${doc.arrivalNumber ?? ''}`.trim(), new Date());
    await audit(ctx, tx, { action: 'exchange.registered', entityType: 'exchange_message', entityId: m.id, summary: `Vào sổ văn bản đến số ${doc.arrivalNumber}`, after: { documentId: doc.id } });
  });
  return { documentId: doc.id, arrivalNumber: doc.arrivalNumber };
}

/** Decree 30 art. 21.2.b: a document sent to the wrong place, or incomplete, goes back with the reason (02). */
export async function rejectExchangeMessage(ctx: ServiceContext, store: BlobStore, id: string, reason: string) {
  requirePermission(ctx.actor, 'document.register');
  const m = await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id);
  if (!m) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông điệp');
  if (m.status !== 'pending') throw new DomainError('INVALID_STATE', m.status === 'registered' ? 'Thông điệp đã được vào sổ; không trả lại được' : 'Thông điệp đã được xử lý');
  await ctx.db.transaction(async (tx) => {
    await repo.updateMessage(tx, m.id, { status: 'rejected', rejectReason: reason });
    const queued = await enqueueStatus(tx, store, m, '02', reason, new Date());
    await audit(ctx, tx, { action: 'exchange.rejected', entityType: 'exchange_message', entityId: m.id, summary: `Từ chối tiếp nhận ${m.edxmlDocumentId}: ${reason}`, after: { reason, notified: queued } });
  });
  return view(ctx, (await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id))!);
}

/**
 * A file of a received message, or the message itself as received, for any clerk of the receiving agency:
 * they read it before registering or returning it (the files belong to whoever received the message).
 */
export async function exchangeMessageFile(ctx: ServiceContext, id: string, fileId: string): Promise<FileRow> {
  requirePermission(ctx.actor, 'document.register');
  const m = await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id);
  if (!m || (!m.fileIds.includes(fileId) && m.sourceFileId !== fileId)) throw new DomainError('NOT_FOUND', 'Không tìm thấy tệp của thông điệp');
  const row = await getFile(ctx.db, ctx.actor.tenantId, fileId);
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy tệp của thông điệp');
  return row;
}
