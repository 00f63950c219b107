import { Readable } from 'node:stream';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { storeGenerated, storeUpload } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { applyBusinessKind, messageKeyOf, targetsOf } from './business.js';
import { formatDocumentId } from './document-id.js';
import type { ParsedEdxml } from './edxml-types.js';
import type { MessageSignature } from './message-signature.js';
import * as repo from './repo.js';

/** Attachments are checked like uploads: the type comes from the bytes, and only these kinds are kept. */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/**
 * Keeps a parsed edXML document message for the actor's agency, from a file or from a peer: the same
 * message again is recognised and nothing is stored twice, the attachments are kept as files only when
 * their bytes are a PDF, DOCX or image. A new document (or a replacing one) waits for the clerk to register
 * it; a revocation, update or replacement does to the documents it names what business.ts says, in the
 * same transaction.
 */
export async function receiveDocument(
  ctx: ServiceContext,
  store: BlobStore,
  bytes: Uint8Array,
  parsed: Extract<ParsedEdxml, { kind: 'document' }>,
  peerId: string | null,
  signature: MessageSignature,
): Promise<{ row: repo.ExchangeMessageRow; duplicate: boolean }> {
  const { header, trace, attachments } = parsed.message;
  if (!header.promulgationInfo.promulgationDate) throw new DomainError('BAD_REQUEST', 'Thông điệp không có ngày ban hành văn bản');
  const notation = header.code.codeNotation ? `${header.code.codeNumber}/${header.code.codeNotation}` : header.code.codeNumber;
  const edxmlDocumentId = header.documentId ?? formatDocumentId({ organId: header.from.organId, promulgationDate: header.promulgationInfo.promulgationDate, codeNumber: header.code.codeNumber, codeNotation: header.code.codeNotation ?? '' });
  const messageKey = messageKeyOf(parsed.message);
  const earlier = await repo.findByDocumentId(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, edxmlDocumentId, messageKey);
  if (earlier) return { row: earlier, duplicate: true };
  const targetDocumentIds = targetsOf(parsed.message, edxmlDocumentId);
  if (trace.business.businessDocType === 3 && targetDocumentIds.length === 0) {
    throw new DomainError('BAD_REQUEST', 'Thông điệp thay thế không cho biết văn bản bị thay thế (ReplacementInfoList/ReplacementInfo/DocumentId)');
  }

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
      messageKey,
      businessReason: trace.business.businessDocReason ?? null,
      targetDocumentIds,
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
      signature,
      sourceFileId: source.id,
      status: 'pending',
      receivedBy: ctx.actor.userId,
      peerId,
    });
    if (inserted) {
      await audit(ctx, tx, { first: true, action: 'exchange.received', entityType: 'exchange_message', entityId: id, summary: `Nhận thông điệp edXML ${edxmlDocumentId}`, after: { from: header.from.organId, files: fileIds.length, warnings: warnings.length, via: peerId ? 'exchange' : 'file' } });
      await applyBusinessKind(ctx, tx, store, (await repo.getMessage(tx, ctx.actor.tenantId, ctx.actor.agencyId, id))!, parsed.message);
    }
    return inserted;
  });
  // the same message imported twice at once: the other one won
  const row = stored ? await repo.getMessage(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, id) : await repo.findByDocumentId(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, edxmlDocumentId, messageKey);
  return { row: row!, duplicate: !stored };
}
