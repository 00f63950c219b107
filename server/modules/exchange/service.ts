import { Readable } from 'node:stream';
import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, storeGenerated, storeUpload } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { DOCUMENT_TYPES, registerIncoming } from '../documents/index.js';
import { formatDocumentId } from './document-id.js';
import { parseEdxml } from './edxml-parse.js';
import { EdxmlError } from './errors.js';
import * as repo from './repo.js';
import type { ExchangeListQuery, RegisterExchangeRequest } from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;

/** Attachments are checked like uploads: the type comes from the bytes, and only these kinds are kept. */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

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
    status: m.status,
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
  const { header, trace, attachments } = parsed.message;
  if (!header.promulgationInfo.promulgationDate) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ngày ban hành văn bản');
  const notation = header.code.codeNotation ? `${header.code.codeNumber}/${header.code.codeNotation}` : header.code.codeNumber;
  const edxmlDocumentId = header.documentId ?? formatDocumentId({ organId: header.from.organId, promulgationDate: header.promulgationInfo.promulgationDate, codeNumber: header.code.codeNumber, codeNotation: header.code.codeNotation ?? '' });
  const earlier = await repo.findByDocumentId(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, edxmlDocumentId);
  if (earlier) return { message: await view(ctx, earlier), duplicate: true };

  const warnings = [...parsed.warnings];
  const fileIds: string[] = [];
  for (const a of attachments) {
    try {
      const row = await storeUpload(ctx, store, { stream: Readable.from(Buffer.from(a.bytes)), filename: a.attachmentName }, { maxBytes: MAX_ATTACHMENT_BYTES, kinds: ['pdf', 'docx', 'image'] });
      fileIds.push(row.id);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      warnings.push(`Tệp ${a.attachmentName} không được nhận: ${err.detail ?? err.message}`);
    }
  }
  const source = await storeGenerated(ctx, store, { name: `${notation.replace(/[/\\]/g, '-')}.edxml.xml`, mime: 'application/xml', bytes: Buffer.from(bytes) });
  const sender = await repo.agencyByCode(ctx.db, ctx.actor.tenantId, header.from.organId);
  const id = newId();
  const stored = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertMessage(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      agencyId: ctx.actor.agencyId,
      edxmlDocumentId,
      businessDocType: trace.business.businessDocType,
      fromOrganId: header.from.organId,
      fromName: sender?.name ?? header.from.organName ?? header.from.organId,
      codeNumber: header.code.codeNumber,
      codeNotation: header.code.codeNotation ?? null,
      promulgationDate: header.promulgationInfo.promulgationDate ?? null,
      typeName: header.documentType.typeName ?? null,
      subject: (header.subject ?? header.content ?? '').slice(0, 500) || '(không có trích yếu)',
      signerName: header.signerInfo?.fullName ?? null,
      signerPosition: header.signerInfo?.position ?? null,
      fileIds,
      warnings,
      sourceFileId: source.id,
      status: 'pending',
      receivedBy: ctx.actor.userId,
    });
    if (inserted) {
      await audit(ctx, tx, { first: true, action: 'exchange.received', entityType: 'exchange_message', entityId: id, summary: `Nhận thông điệp edXML ${edxmlDocumentId}`, after: { from: header.from.organId, files: fileIds.length, warnings: warnings.length } });
    }
    return inserted;
  });
  // the same message imported twice at once: the other one won
  const row = stored ? await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id) : await repo.findByDocumentId(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, edxmlDocumentId);
  return { message: await view(ctx, row!), duplicate: !stored };
}

export async function listExchangeMessages(ctx: ServiceContext, q: In<typeof ExchangeListQuery>) {
  requirePermission(ctx.actor, 'document.register');
  const rows = await repo.findMessages(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, q.status, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await Promise.all(rows.map((r) => view(ctx, r))) };
}

const typeCodeOf = (name: string | null) => DOCUMENT_TYPES.find((t) => name && t.name.localeCompare(name, 'vi', { sensitivity: 'base' }) === 0)?.code;

/** One click of the clerk: the message becomes an incoming document in the agency's register. */
export async function registerExchangeMessage(ctx: ServiceContext, id: string, input: In<typeof RegisterExchangeRequest>) {
  requirePermission(ctx.actor, 'document.register');
  const m = await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id);
  if (!m) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông điệp');
  if (m.status === 'registered') throw new DomainError('INVALID_STATE', 'Thông điệp đã được vào sổ');
  if (m.businessDocType !== 0) throw new DomainError('INVALID_STATE', 'Thông điệp thu hồi, cập nhật hoặc thay thế văn bản đã gửi: xử lý trên văn bản gốc');
  if (!m.codeNotation) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ký hiệu văn bản; hãy đăng ký thủ công');
  if (!m.promulgationDate) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ngày ban hành văn bản');
  const typeCode = input.typeCode ?? typeCodeOf(m.typeName);
  if (!typeCode) throw new DomainError('BAD_REQUEST', `Chọn loại văn bản (thông điệp ghi "${m.typeName ?? ''}")`, { errors: [{ path: 'typeCode', message: 'Chọn loại văn bản' }] });
  const sender = await repo.agencyByCode(ctx.db, ctx.actor.tenantId, m.fromOrganId);
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
    await audit(ctx, tx, { action: 'exchange.registered', entityType: 'exchange_message', entityId: m.id, summary: `Vào sổ văn bản đến số ${doc.arrivalNumber}`, after: { documentId: doc.id } });
  });
  return { documentId: doc.id, arrivalNumber: doc.arrivalNumber };
}
