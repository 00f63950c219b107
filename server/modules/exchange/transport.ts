import type { Db } from '../../db/open.js';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, readVerified, storeSystemFile } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import {
  incomingProgressCode,
  issuedForExchange,
  recalledRecipientsToTell,
  recipientsAwaitingExchange,
  recordRecipientExchange,
  withdrawIncoming,
  type IssuedForExchange,
} from '../documents/index.js';
import { readAll, type CertificateSealer, type SigningKeys } from '../signing/index.js';
import { formatDocumentId } from './document-id.js';
import { buildEdxml, buildStatusEdxml } from './edxml-build.js';
import { readReceived, signForAgency } from './message-signature.js';
import { STATUS_CODES, type EdxmlMessage, type EdxmlStatus } from './edxml-types.js';
import { EdxmlError } from './errors.js';
import * as repo from './repo.js';
import { receiveDocument } from './receive.js';
import { enqueueStatus, PROGRESS_RANK } from './status-messages.js';

/*
 * The exchange between instances (issue 4 items 6–7): an outbox that sends each issued document to its
 * outside recipients' instance and each status back to a sender, retried with a growing delay until the
 * peer acknowledges it (at-least-once), and an inbox that takes both idempotently.
 */

/** What carries a message to a peer; HTTP in production, a test may pass its own. */
export type ExchangeSender = (peerUrl: string, token: string, xml: string) => Promise<{ ok: boolean; status: number; detail: string }>;

export const httpSender: ExchangeSender = async (peerUrl, token, xml) => {
  const res = await fetch(new URL('/api/exchange/inbox', peerUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml; charset=utf-8' },
    body: xml,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let detail = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string };
    detail = body.detail ?? body.title ?? detail;
  } catch {
    // not JSON: the text itself
  }
  return { ok: res.ok, status: res.status, detail };
};

/** 30 s, 1 min, 2 min … at most an hour between attempts. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);

/** fetch says "fetch failed"; the reason (ECONNREFUSED, a timeout, a certificate) is in its cause. */
function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? err.message;
}

/** Answers that will not change on a retry: the peer refused the message itself. */
const permanent = (status: number) => status >= 400 && status < 500 && ![401, 403, 408, 409, 425, 429].includes(status);

const PRIORITY: Record<string, number> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 };

async function fileBytes(db: Db, store: BlobStore, tenantId: string, fileId: string): Promise<Uint8Array> {
  const row = await getFile(db, tenantId, fileId);
  if (!row) throw new Error(`file ${fileId} missing`);
  return readAll(await readVerified(store, row));
}

/** The issued document as an edXML message to these recipients, with its signed PDF and attachments. */
async function documentMessage(db: Db, store: BlobStore, doc: IssuedForExchange, to: { organId: string; organName: string }[], now: Date) {
  if (!doc.agencyOrganId) throw new DomainError('BAD_REQUEST', 'Cơ quan gửi chưa có mã định danh; quản trị cần khai báo trước khi gửi liên thông');
  const edxmlDocumentId = formatDocumentId({ organId: doc.agencyOrganId, promulgationDate: doc.issuedDate, codeNumber: doc.codeNumber, codeNotation: doc.codeNotation });
  const attachments = await Promise.all(
    doc.files.map(async (f) => ({ contentId: f.id, attachmentName: f.name, contentType: f.mime, ...(f.role === 'main' ? { description: 'Văn bản chính' } : {}), bytes: await fileBytes(db, store, doc.tenantId, f.id) })),
  );
  const message: EdxmlMessage = {
    header: {
      from: { organId: doc.agencyOrganId, organName: doc.agencyName, ...(doc.agencyAddress ? { organAdd: doc.agencyAddress } : {}) },
      to,
      documentId: edxmlDocumentId,
      code: { codeNumber: doc.codeNumber, codeNotation: doc.codeNotation },
      promulgationInfo: { promulgationDate: doc.issuedDate },
      documentType: { typeName: doc.typeName },
      subject: doc.subject,
      ...(doc.signerName ? { signerInfo: { fullName: doc.signerName, ...(doc.signerPosition ? { position: doc.signerPosition } : {}) } } : {}),
      toPlaces: doc.recipients.map((r) => r.name.slice(0, 150)),
      otherInfo: { priority: PRIORITY[doc.urgency] ?? 0, appendixes: [] },
      responseFor: [],
    },
    trace: { traceHeaders: [{ organId: doc.agencyOrganId, timestamp: now }], business: { businessDocType: 0, paper: false, staffInfo: [], replacements: [] } },
    attachments,
  };
  try {
    return { xml: buildEdxml(message), edxmlDocumentId };
  } catch (err) {
    if (err instanceof EdxmlError) throw new DomainError('BAD_REQUEST', err.message);
    throw err;
  }
}

/**
 * exportEdxml: an issued document as an edXML file for hand-over without the transport (a USB stick, the
 * national portal's upload page), addressed to its outside recipients with identifier codes, or to one.
 */
export async function exportEdxml(ctx: ServiceContext, store: BlobStore, keys: SigningKeys, documentId: string, toOrganId: string | undefined) {
  requirePermission(ctx.actor, 'document.register');
  const doc = await issuedForExchange(ctx.db, ctx.actor.tenantId, documentId);
  if (!doc || (doc.agencyId !== ctx.actor.agencyId && scopeOf(ctx.actor, 'document.register') !== 'tenant')) {
    throw new DomainError('NOT_FOUND', 'Không có văn bản đã phát hành này (văn bản mật không gửi điện tử)');
  }
  const outside = doc.recipients.filter((r) => r.kind === 'external' && r.organId && (!toOrganId || r.organId === toOrganId));
  if (outside.length === 0) {
    throw new DomainError('BAD_REQUEST', toOrganId ? `Văn bản không gửi tới mã định danh ${toOrganId}` : 'Văn bản không có nơi nhận bên ngoài nào có mã định danh');
  }
  const built = await documentMessage(ctx.db, store, doc, outside.map((r) => ({ organId: r.organId!, organName: r.name })), new Date());
  const { xml, signed } = await signForAgency(ctx.db, keys, ctx.actor.tenantId, doc.agencyId, built.xml);
  await audit(ctx, ctx.db, { action: 'exchange.exported', entityType: 'document', entityId: doc.id, summary: `Xuất tệp edXML ${built.edxmlDocumentId}`, after: { to: outside.map((r) => r.organId), signed } });
  return { xml, fileName: `${doc.codeNumber}-${doc.codeNotation}.edxml.xml`.replace(/[/\\]/g, '-') };
}

/** Job: issued documents whose outside recipients have a connection go into the outbox, one message each. */
export async function enqueueIssuedDocuments(db: Db, store: BlobStore, now: Date, limit = 20): Promise<number> {
  let queued = 0;
  for (const r of await recipientsAwaitingExchange(db, limit)) {
    const peer = await repo.peerFor(db, r.tenantId, r.organId);
    const doc = peer ? await issuedForExchange(db, r.tenantId, r.documentId) : null;
    if (!peer || !doc) {
      const note = peer ? 'Văn bản không gửi được qua liên thông' : `Chưa có kết nối liên thông tới mã định danh ${r.organId}; văn thư có thể xuất tệp edXML để gửi`;
      await recordRecipientExchange(db, r.id, { note, at: now });
      continue;
    }
    const recipient = doc.recipients.find((x) => x.id === r.id)!;
    let built;
    try {
      built = await documentMessage(db, store, doc, [{ organId: r.organId, organName: recipient.name }], now);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await recordRecipientExchange(db, r.id, { note: err.detail ?? err.message, at: now });
      continue;
    }
    const file = await storeSystemFile(db, store, { tenantId: r.tenantId, userId: null }, { name: `${doc.codeNumber}-${doc.codeNotation}.edxml.xml`.replace(/[/\\]/g, '-'), mime: 'application/xml', bytes: Buffer.from(built.xml) });
    await repo.enqueue(db, {
      id: newId(),
      tenantId: r.tenantId,
      agencyId: doc.agencyId,
      peerId: peer.id,
      kind: 'document',
      toOrganId: r.organId,
      edxmlDocumentId: built.edxmlDocumentId,
      documentId: doc.id,
      recipientId: r.id,
      fileId: file.id,
      nextAttemptAt: now,
    });
    await recordRecipientExchange(db, r.id, { note: `Chờ gửi qua liên thông (${peer.name})`, at: now });
    queued += 1;
  }
  return queued;
}

/**
 * Job: sends what is due, signed (XML-DSig) with the sending agency's exchange key when it has one; a
 * refusal for good stops the row, anything else is tried again later.
 */
export async function deliverOutbox(db: Db, store: BlobStore, keys: { peers: CertificateSealer; signing: SigningKeys }, send: ExchangeSender, now: Date, limit = 20) {
  let sent = 0;
  let failed = 0;
  for (const { outbox: o, peer } of await repo.claimDue(db, now, limit)) {
    const attempts = o.attempts + 1;
    const token = keys.peers.open(peer.sealedToken);
    let result: { ok: boolean; status: number; detail: string };
    if (!peer.active) result = { ok: false, status: 0, detail: 'Kết nối liên thông đã ngừng' };
    else if (!token) result = { ok: false, status: 0, detail: 'Không mở được mã truy cập của kết nối (khóa máy chủ đã đổi); quản trị cần nhập lại' };
    else {
      const { xml } = await signForAgency(db, keys.signing, o.tenantId, o.agencyId, Buffer.from(await fileBytes(db, store, o.tenantId, o.fileId)).toString('utf8'));
      result = await send(peer.url, new TextDecoder().decode(token), xml).catch((err: unknown) => ({ ok: false, status: 0, detail: `Không kết nối được: ${reasonOf(err)}` }));
    }
    if (result.ok) {
      await repo.updateOutbox(db, o.id, { status: 'sent', attempts, sentAt: now, lastError: null });
      if (o.kind === 'document' && o.recipientId) {
        await recordRecipientExchange(db, o.recipientId, { note: `Đã gửi qua liên thông (${peer.name})`, at: now, timeline: { actorName: 'Hệ thống', kind: 'exchange_sent' } });
      }
      sent += 1;
    } else {
      const stop = permanent(result.status) || !peer.active;
      const error = `${result.status ? `HTTP ${result.status}: ` : ''}${result.detail}`.slice(0, 500);
      await repo.updateOutbox(db, o.id, { status: stop ? 'failed' : 'pending', attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) });
      if (stop && o.kind === 'document' && o.recipientId) {
        await recordRecipientExchange(db, o.recipientId, { note: `Nơi nhận từ chối thông điệp: ${result.detail}`.slice(0, 500), at: now, timeline: { actorName: 'Hệ thống', kind: 'exchange_failed' } });
      }
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * Job: a recalled document (Decree 30 art. 18) is asked back from the outside recipients that got it (13);
 * one not sent yet is simply not sent. Their answer (15 given back, 16 refused) arrives as a status.
 */
export async function enqueueRecalls(db: Db, store: BlobStore, now: Date, limit = 20): Promise<number> {
  let asked = 0;
  for (const r of await recalledRecipientsToTell(db, limit)) {
    const o = await repo.documentOutboxFor(db, r.id);
    if (!o || o.status !== 'sent') {
      if (o) await repo.updateOutbox(db, o.id, { status: 'cancelled', lastError: 'Văn bản đã bị thu hồi trước khi gửi được' });
      await recordRecipientExchange(db, r.id, { code: '15', note: 'Thu hồi trước khi gửi liên thông: nơi nhận không nhận được văn bản', at: now });
      continue;
    }
    const doc = await repo.agencyOrgan(db, o.tenantId, o.agencyId);
    const sent = await issuedForExchange(db, o.tenantId, o.documentId!).catch(() => null);
    const organId = doc?.identifierCode;
    if (!organId) continue;
    const status: EdxmlStatus = {
      responseFor: { organId, documentId: o.edxmlDocumentId, ...(sent ? { code: `${sent.codeNumber}/${sent.codeNotation}`, promulgationDate: sent.issuedDate } : {}) },
      from: { organId, organName: doc.name },
      statusCode: '13',
      description: 'Cơ quan gửi thu hồi văn bản; đề nghị trả lại',
      timestamp: now,
    };
    const file = await storeSystemFile(db, store, { tenantId: o.tenantId, userId: null }, { name: 'yeu-cau-lay-lai-13.edxml.xml', mime: 'application/xml', bytes: Buffer.from(buildStatusEdxml(status)) });
    await repo.enqueue(db, { id: newId(), tenantId: o.tenantId, agencyId: o.agencyId, peerId: o.peerId, kind: 'status', toOrganId: o.toOrganId, edxmlDocumentId: o.edxmlDocumentId, documentId: o.documentId, recipientId: r.id, statusCode: '13', fileId: file.id, nextAttemptAt: now });
    await recordRecipientExchange(db, r.id, { code: '13', note: 'Đã yêu cầu nơi nhận trả lại văn bản', at: now, timeline: { actorName: 'Hệ thống', kind: 'exchange_sent' } });
    asked += 1;
  }
  return asked;
}

/** Job: the documents registered from received messages tell their senders how far they are (03–06). */
export async function reportReceivedProgress(db: Db, store: BlobStore, now: Date, limit = 200): Promise<number> {
  let n = 0;
  for (const m of await repo.messagesToReport(db, limit)) {
    const code = await incomingProgressCode(db, m.tenantId, m.documentId!);
    if (!code || (PROGRESS_RANK[code] ?? 0) <= (PROGRESS_RANK[m.lastStatusCode ?? ''] ?? 0)) continue;
    if (await enqueueStatus(db, store, m, code, STATUS_CODES[code], now)) n += 1;
  }
  return n;
}

/**
 * The inbox: a message a peer sends with an API token of ours. A document goes to each agency of the
 * tenant it is addressed to (a clerk's token: to the clerk's own agency only), once per message, and
 * the sender is told it arrived (01) — or, for a revocation, that its document was taken back (15); a
 * status is written on the document we sent.
 */
export async function receiveFromPeer(ctx: ServiceContext, store: BlobStore, bytes: Uint8Array | null) {
  const tenantWide = scopeOf(ctx.actor, 'exchange.manage') === 'tenant';
  if (!tenantWide) requirePermission(ctx.actor, 'document.register');
  if (!bytes) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi thông điệp edXML với Content-Type: application/xml');
  const { parsed, signature } = await readReceived(ctx.db, ctx.actor.tenantId, bytes);
  if (parsed.kind === 'status') return { kind: 'status' as const, ...(await applyStatus(ctx, store, parsed.status, tenantWide)) };

  const { header } = parsed.message;
  const targets = (await repo.agenciesByCodes(ctx.db, ctx.actor.tenantId, header.to.map((t) => t.organId))).filter((a) => tenantWide || a.id === ctx.actor.agencyId);
  if (targets.length === 0) throw new DomainError('BAD_REQUEST', `Không có cơ quan nhận nào ở đây mang mã định danh trong thông điệp (${header.to.map((t) => t.organId).join(', ')})`);
  const peer = await repo.peerFor(ctx.db, ctx.actor.tenantId, header.from.organId);
  const received = [];
  for (const agency of targets) {
    const result = await receiveDocument({ ...ctx, actor: { ...ctx.actor, agencyId: agency.id } }, store, bytes, parsed, peer?.id ?? null, signature);
    // A revocation or update carried out is answered by what it did (15 for a revocation), not by "arrived".
    if (!result.duplicate && peer && result.row.status === 'pending') await enqueueStatus(ctx.db, store, result.row, '01', STATUS_CODES['01'], new Date());
    received.push({ organId: agency.identifierCode!, messageId: result.row.id, duplicate: result.duplicate });
  }
  return { kind: 'document' as const, received };
}

/**
 * The sender asks its document back (13): a message not registered yet is set aside, a registered one is
 * withdrawn unless it is already handled; the sender hears 15 (given back) or 16 (refused, with why).
 */
async function answerRecall(ctx: ServiceContext, store: BlobStore, status: EdxmlStatus, tenantWide: boolean) {
  const documentId = status.responseFor.documentId ?? '';
  const found = (await repo.receivedByDocumentId(ctx.db, ctx.actor.tenantId, documentId, status.from.organId)).filter((m) => tenantWide || m.agencyId === ctx.actor.agencyId);
  if (found.length === 0) throw new DomainError('NOT_FOUND', `Không có văn bản nhận từ ${status.from.organId} mang DocumentId ${documentId || '(trống)'}`);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    for (const m of found) {
      const done = m.documentId ? (await incomingProgressCode(tx, m.tenantId, m.documentId)) === '06' : false;
      if (done) {
        await enqueueStatus(tx, store, m, '16', 'Văn bản đã được xử lý xong; không trả lại được', now);
        continue;
      }
      if (m.status === 'pending') await repo.updateMessage(tx, m.id, { status: 'withdrawn' });
      if (m.documentId) await withdrawIncoming(tx, m.tenantId, m.documentId, `Cơ quan gửi lấy lại văn bản qua liên thông: ${status.description ?? 'yêu cầu lấy lại'}`);
      await enqueueStatus(tx, store, m, '15', m.documentId ? 'Đã thu hồi văn bản đến' : 'Văn bản chưa vào sổ, đã gỡ bỏ', now);
      await audit(ctx, tx, { action: 'exchange.recalled', entityType: 'exchange_message', entityId: m.id, summary: `${status.from.organId} lấy lại văn bản ${documentId}`, after: { documentId: m.documentId } });
    }
  });
  return { documentId: found[0]!.documentId };
}

async function applyStatus(ctx: ServiceContext, store: BlobStore, status: EdxmlStatus, tenantWide: boolean) {
  if (status.statusCode === '13') return answerRecall(ctx, store, status, tenantWide);
  const documentId = status.responseFor.documentId;
  const sent = documentId ? await repo.sentDocument(ctx.db, ctx.actor.tenantId, documentId, status.from.organId) : null;
  if (!sent || (!tenantWide && sent.agencyId !== ctx.actor.agencyId) || !sent.recipientId) {
    throw new DomainError('NOT_FOUND', `Không có văn bản đã gửi tới ${status.from.organId} mang DocumentId ${documentId ?? '(trống)'}`);
  }
  const note = `${STATUS_CODES[status.statusCode]}${status.description && status.description !== STATUS_CODES[status.statusCode] ? `: ${status.description}` : ''}`;
  await ctx.db.transaction(async (tx) => {
    await recordRecipientExchange(tx, sent.recipientId!, { code: status.statusCode, note, at: status.timestamp, timeline: { actorName: status.from.organName ?? status.from.organId, kind: 'exchange_status' } });
    await audit(ctx, tx, { action: 'exchange.status_received', entityType: 'document', entityId: sent.documentId!, summary: `${status.from.organId} báo trạng thái ${status.statusCode} (${STATUS_CODES[status.statusCode]})`, after: { code: status.statusCode, from: status.from.organId } });
  });
  return { documentId: sent.documentId };
}

/** Someone asked to try a stopped or waiting message again now. */
export async function retryOutbox(ctx: ServiceContext, id: string) {
  const tenantWide = scopeOf(ctx.actor, 'exchange.manage') === 'tenant';
  if (!tenantWide) requirePermission(ctx.actor, 'document.register');
  const o = await repo.getOutbox(ctx.db, ctx.actor.tenantId, id);
  if (!o || (o.agencyId !== ctx.actor.agencyId && !tenantWide)) throw new DomainError('NOT_FOUND', 'Không tìm thấy thông điệp chờ gửi');
  if (o.status === 'sent') throw new DomainError('INVALID_STATE', 'Thông điệp đã được nơi nhận xác nhận');
  if (o.status === 'cancelled') throw new DomainError('INVALID_STATE', 'Văn bản đã bị thu hồi; không gửi lại');
  await repo.updateOutbox(ctx.db, id, { status: 'pending', nextAttemptAt: new Date() });
  await audit(ctx, ctx.db, { action: 'exchange.retry', entityType: 'exchange_outbox', entityId: id, summary: `Gửi lại thông điệp ${o.edxmlDocumentId} tới ${o.toOrganId}` });
}

export async function listOutbox(ctx: ServiceContext, q: { status?: repo.OutboxRow['status'] | undefined; page: number; pageSize: number }) {
  const tenantWide = scopeOf(ctx.actor, 'exchange.manage') === 'tenant';
  if (!tenantWide) requirePermission(ctx.actor, 'document.register');
  const { items, total } = await repo.listOutbox(ctx.db, ctx.actor.tenantId, tenantWide ? null : ctx.actor.agencyId, q.status, q.pageSize, (q.page - 1) * q.pageSize);
  return {
    total,
    items: items.map(({ outbox: o, peerName, agencyName }) => ({
      id: o.id,
      kind: o.kind,
      peerName,
      agencyName,
      toOrganId: o.toOrganId,
      edxmlDocumentId: o.edxmlDocumentId,
      documentId: o.documentId,
      statusCode: o.statusCode,
      status: o.status,
      attempts: o.attempts,
      nextAttemptAt: o.status === 'pending' ? o.nextAttemptAt.toISOString() : null,
      lastError: o.lastError,
      sentAt: o.sentAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
    })),
  };
}
