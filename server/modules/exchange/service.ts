import type { z } from 'zod';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, handOverFiles, type FileRow } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { linkReplacement, registerIncoming } from '../documents/index.js';
import { typeCodeOf } from './business.js';
import { readReceived } from './message-signature.js';
import { receiveDocument } from './receive.js';
import { enqueueStatus } from './status-messages.js';
import * as repo from './repo.js';
import type { ExchangeListQuery, RegisterExchangeRequest } from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;

async function view(ctx: ServiceContext, m: repo.ExchangeMessageRow) {
  const files = (await Promise.all(m.fileIds.map((id) => getFile(ctx.db, ctx.actor.tenantId, id)))).flatMap((f) => (f ? [{ id: f.id, name: f.name, mime: f.mime, size: f.size }] : []));
  return {
    id: m.id,
    edxmlDocumentId: m.edxmlDocumentId,
    businessDocType: m.businessDocType,
    businessReason: m.businessReason,
    targetDocumentIds: m.targetDocumentIds,
    outcome: m.outcome,
    fromOrganId: m.fromOrganId,
    fromName: m.fromName,
    numberNotation: m.codeNotation ? `${m.codeNumber}/${m.codeNotation}` : m.codeNumber,
    promulgationDate: m.promulgationDate,
    typeName: m.typeName,
    subject: m.subject,
    signerName: m.signerName,
    files,
    warnings: m.warnings,
    signature: m.signature,
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
  const { parsed, signature } = await readReceived(ctx.db, ctx.actor.tenantId, bytes);
  if (parsed.kind !== 'document') throw new DomainError('BAD_REQUEST', 'Thông điệp trạng thái chỉ nhận qua kênh liên thông, không nhập từ tệp');
  const { row, duplicate } = await receiveDocument(ctx, store, bytes, parsed, null, signature);
  return { message: await view(ctx, row), duplicate };
}

export async function listExchangeMessages(ctx: ServiceContext, q: In<typeof ExchangeListQuery>) {
  requirePermission(ctx.actor, 'document.register');
  const { items, total } = await repo.findMessages(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, q.status, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await Promise.all(items.map((r) => view(ctx, r))), total };
}

const NOT_PENDING: Record<Exclude<repo.ExchangeMessageRow['status'], 'pending' | 'registered'>, string> = {
  rejected: 'Thông điệp đã bị trả lại nơi gửi',
  withdrawn: 'Nơi gửi đã lấy lại hoặc thay thế văn bản này',
  applied: 'Thông điệp thu hồi, cập nhật đã được thực hiện trên văn bản gốc',
};

/**
 * One click of the clerk: the message becomes an incoming document in the agency's register. A replacing
 * document then names the ones it replaced on its timeline, and they name it on theirs.
 */
export async function registerExchangeMessage(ctx: ServiceContext, store: BlobStore, id: string, input: In<typeof RegisterExchangeRequest>) {
  requirePermission(ctx.actor, 'document.register');
  const m = await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id);
  if (!m) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông điệp');
  if (m.status === 'registered') throw new DomainError('INVALID_STATE', 'Thông điệp đã được vào sổ');
  if (m.status !== 'pending') throw new DomainError('INVALID_STATE', NOT_PENDING[m.status]);
  // An update waits here only when its document never came: it is then registered as that document.
  if (m.businessDocType === 1) throw new DomainError('INVALID_STATE', 'Thông điệp thu hồi không vào sổ thành văn bản đến: nơi gửi thu hồi một văn bản chưa nhận được');
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
    if (m.businessDocType === 3) await linkReplacement(tx, m.tenantId, doc.id, await replacedBy(tx, m));
    // Decree 30 art. 21.2.c: the sender hears the same day that its document was accepted.
    await enqueueStatus(tx, store, m, '03', `Đã vào sổ văn bản đến, số đến ${doc.arrivalNumber ?? ''}`.trim(), new Date());
    await audit(ctx, tx, { action: 'exchange.registered', entityType: 'exchange_message', entityId: m.id, summary: `Vào sổ văn bản đến số ${doc.arrivalNumber}`, after: { documentId: doc.id } });
  });
  return { documentId: doc.id, arrivalNumber: doc.arrivalNumber };
}

/** The documents a replacing message names, as received here (registered or not), or as named when they never came. */
async function replacedBy(tx: Db, m: repo.ExchangeMessageRow) {
  const replaced = [];
  for (const target of m.targetDocumentIds) {
    const found = (await repo.documentsSentAs(tx, m.tenantId, m.agencyId, m.fromOrganId, target)).filter((o) => o.id !== m.id);
    if (found.length === 0) replaced.push({ documentId: null, description: `văn bản ${target} (chưa nhận được)` });
    for (const o of found) {
      const date = o.promulgationDate ? ` ngày ${o.promulgationDate.split('-').reverse().join('/')}` : '';
      const state = o.status === 'rejected' ? 'đã trả lại nơi gửi' : 'chưa vào sổ, đã gỡ bỏ';
      replaced.push({ documentId: o.documentId, description: `văn bản ${o.codeNotation ? `${o.codeNumber}/${o.codeNotation}` : o.codeNumber}${date} (${state})` });
    }
  }
  return replaced;
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
