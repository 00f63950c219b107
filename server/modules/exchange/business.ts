import { createHash } from 'node:crypto';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { checkCorrection, correctIncoming, DOCUMENT_TYPES, incomingReference, withdrawIncoming, type IncomingCorrection } from '../documents/index.js';
import type { EdxmlMessage } from './edxml-types.js';
import * as repo from './repo.js';
import { enqueueStatus } from './status-messages.js';

/*
 * The business kinds of edXML (domain §2.3, Bussiness/BussinessDocType): besides a new document (0), a sender
 * revokes (1), updates (2) or replaces (3) a document it sent earlier, naming it by its DocumentId. What such
 * a message does here is done in the transaction that stores it, and only to documents the same sender
 * (From/OrganId) sent this agency: a message naming someone else's document finds nothing.
 */

type Message = repo.ExchangeMessageRow;

/** The Decree 30 type a message's TypeName names, if it is one. */
export const typeCodeOf = (name: string | null | undefined) => DOCUMENT_TYPES.find((t) => name && t.name.localeCompare(name, 'vi', { sensitivity: 'base' }) === 0)?.code;

/** The DocumentIds a message acts on: the revoked or updated document, the replaced ones; never itself. */
export function targetsOf(message: EdxmlMessage, ownId: string): string[] {
  const b = message.trace.business;
  if (b.businessDocType === 0) return [];
  // A replacement lists what it replaces; some senders name one in Bussiness/DocumentId instead (or their own id there).
  if (b.businessDocType === 3) return [...new Set([...b.replacements.map((r) => r.documentId), ...(b.documentId ? [b.documentId] : [])])].filter((id) => id !== ownId);
  // Without Bussiness/DocumentId, the header describes the revoked or updated document itself.
  return [b.documentId ?? ownId];
}

/**
 * Tells apart messages with one DocumentId (exchangeMessages.messageKey): a revocation is one per document,
 * each different update is its own (the same one sent again is not), a document is the DocumentId alone.
 */
export function messageKeyOf(message: EdxmlMessage): string {
  const b = message.trace.business;
  if (b.businessDocType === 1) return 'revoke';
  if (b.businessDocType !== 2) return '';
  const said = JSON.stringify({ header: message.header, business: b });
  return `update:${createHash('sha256').update(said).digest('hex')}`;
}

const numberOf = (m: Message) => (m.codeNotation ? `${m.codeNumber}/${m.codeNotation}` : m.codeNumber);
const dayText = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The other documents the sender sent this agency under the DocumentId, locked. */
const documentsNamed = async (tx: Db, m: Message, documentId: string) =>
  (await repo.documentsSentAs(tx, m.tenantId, m.agencyId, m.fromOrganId, documentId)).filter((o) => o.id !== m.id);

/**
 * A document its sender took back: not registered yet, it is set aside; registered, the incoming document is
 * withdrawn with the note on its timeline. `changed` is false when nothing was left to take back.
 */
async function setAside(tx: Db, o: Message, note: string): Promise<{ changed: boolean; said: string }> {
  if (o.status === 'pending') {
    await repo.updateMessage(tx, o.id, { status: 'withdrawn', outcome: note });
    return { changed: true, said: `đã gỡ bỏ văn bản ${numberOf(o)} chưa vào sổ` };
  }
  if (o.status === 'registered' && o.documentId) {
    const withdrawn = await withdrawIncoming(tx, o.tenantId, o.documentId, note);
    const ref = (await incomingReference(tx, o.tenantId, o.documentId)) ?? `văn bản ${numberOf(o)}`;
    if (withdrawn) await repo.updateMessage(tx, o.id, { outcome: note });
    return withdrawn ? { changed: true, said: `đã thu hồi ${ref}` } : { changed: false, said: `${ref} đã bị thu hồi trước đó` };
  }
  return { changed: false, said: `văn bản ${numberOf(o)} ${o.status === 'rejected' ? 'đã được trả lại nơi gửi' : 'đã bị lấy lại'} trước đó` };
}

const revokeNote = (m: Message) => `Nơi gửi thu hồi văn bản${m.businessReason ? `: ${m.businessReason}` : ''}`;
const replaceNote = (m: Message) => `Được thay thế bởi văn bản số ${numberOf(m)}${m.promulgationDate ? ` ngày ${dayText(m.promulgationDate)}` : ''}${m.businessReason ? `: ${m.businessReason}` : ''}`;

/** The sender revokes a document it sent (1); the sender hears 15, as for a recall it asked for. */
async function revoke(ctx: ServiceContext, tx: Db, store: BlobStore, m: Message, now: Date) {
  const target = m.targetDocumentIds[0]!;
  const originals = await documentsNamed(tx, m, target);
  if (originals.length === 0) {
    const warning = `Chưa nhận văn bản ${target} của nơi gửi: thông điệp thu hồi được giữ để văn thư xem; nếu văn bản đó đến sau, văn bản sẽ được gỡ bỏ ngay.`;
    await repo.updateMessage(tx, m.id, { warnings: [...m.warnings, warning] });
    return;
  }
  const said: string[] = [];
  for (const o of originals) {
    const result = await setAside(tx, o, revokeNote(m));
    if (result.changed) await enqueueStatus(tx, store, o, '15', 'Đã thu hồi văn bản theo thông điệp thu hồi của nơi gửi', now);
    said.push(result.said);
  }
  const outcome = sentence(said.join('; '));
  await repo.updateMessage(tx, m.id, { status: 'applied', outcome, documentId: originals.find((o) => o.documentId)?.documentId ?? null });
  await audit(ctx, tx, { action: 'exchange.revoked', entityType: 'exchange_message', entityId: m.id, summary: `${m.fromOrganId} thu hồi văn bản ${target}: ${outcome}`, after: { target, originals: originals.map((o) => o.id) } });
}

/** What the update says of the document: only what it carries, cut as registering does. */
function correctionOf(message: EdxmlMessage): IncomingCorrection {
  const h = message.header;
  const subject = (h.subject ?? h.content)?.slice(0, 500);
  const typeCode = typeCodeOf(h.documentType.typeName);
  return {
    ...(h.code.codeNotation ? { numberNotation: `${h.code.codeNumber}/${h.code.codeNotation}` } : {}),
    ...(h.promulgationInfo.promulgationDate ? { issuedDate: h.promulgationInfo.promulgationDate } : {}),
    ...(typeCode ? { typeCode } : {}),
    ...(subject ? { subject } : {}),
    ...(h.signerInfo?.fullName ? { signerName: h.signerInfo.fullName.slice(0, 50) } : {}),
    ...(h.signerInfo?.position ? { signerPosition: h.signerInfo.position.slice(0, 100) } : {}),
  };
}

/** The message's own fields for the accepted part of a correction: what "Vào sổ" will then use. */
function correctedMessage(c: IncomingCorrection, typeName: string | undefined): Partial<Message> {
  const slash = c.numberNotation?.indexOf('/') ?? -1;
  return {
    ...(c.numberNotation ? { codeNumber: c.numberNotation.slice(0, slash), codeNotation: c.numberNotation.slice(slash + 1) } : {}),
    ...(c.issuedDate ? { promulgationDate: c.issuedDate } : {}),
    ...(typeName ? { typeName } : {}),
    ...(c.subject ? { subject: c.subject } : {}),
    ...(c.signerName ? { signerName: c.signerName } : {}),
    ...(c.signerPosition ? { signerPosition: c.signerPosition } : {}),
  };
}

const MESSAGE_FIELDS: [keyof Message, string][] = [
  ['codeNumber', 'Số, ký hiệu'],
  ['codeNotation', 'Số, ký hiệu'],
  ['promulgationDate', 'Ngày ban hành'],
  ['typeName', 'Loại văn bản'],
  ['subject', 'Trích yếu'],
  ['signerName', 'Người ký'],
  ['signerPosition', 'Chức vụ người ký'],
];

/**
 * One document an update names: its incoming document once registered (old → new on the timeline), and the
 * message it came as, so that a later "Vào sổ" takes the corrected values. A value the register would
 * refuse changes neither.
 */
async function correctOne(tx: Db, o: Message, correction: IncomingCorrection, typeName: string | undefined, why: string): Promise<string> {
  const checked = checkCorrection(correction, vietnamDate(new Date()));
  const registered = o.status === 'registered' ? o.documentId : null;
  const incoming = registered ? await correctIncoming(tx, o.tenantId, registered, correction, why) : null;
  const refused = incoming?.refused ?? checked.refused;
  const accepted = Object.fromEntries(Object.entries(checked.valid).filter(([field]) => !refused.some((r) => r.field === field))) as IncomingCorrection;
  const values = correctedMessage(accepted, typeName);
  const differing = MESSAGE_FIELDS.filter(([field]) => field in values && values[field] !== o[field]);
  if (differing.length > 0) await repo.updateMessage(tx, o.id, values);
  const changed = [...new Set(incoming ? incoming.changes.map((c) => c.label) : differing.map(([, label]) => label))];
  const what = (registered && (await incomingReference(tx, o.tenantId, registered))) || `thông điệp ${numberOf(o)}${o.status === 'pending' ? ' chờ vào sổ' : ''}`;
  const done = changed.length > 0 ? `đã cập nhật ${what}: ${changed.join(', ')}` : `${what}: không có thông tin nào thay đổi`;
  return refused.length > 0 ? `${done}; không nhận ${refused.map((r) => r.said).join(', ')}` : done;
}

/**
 * The sender corrects a document it sent (2), with what its header carries. No status code says "updated",
 * so the sender is told nothing.
 */
async function update(ctx: ServiceContext, tx: Db, m: Message, message: EdxmlMessage) {
  const target = m.targetDocumentIds[0]!;
  const originals = await documentsNamed(tx, m, target);
  if (originals.length === 0) {
    const warning = `Chưa nhận văn bản ${target} mà thông điệp này cập nhật: thông điệp được giữ như văn bản mới để văn thư vào sổ.`;
    await repo.updateMessage(tx, m.id, { warnings: [...m.warnings, warning] });
    return;
  }
  const info = message.trace.business.documentInfo;
  // BussinessDocumentInfo/DocumentInfo "0": the document's information itself is unchanged.
  const unchanged = info?.documentInfo === '0';
  const correction = unchanged ? {} : correctionOf(message);
  const typeName = unchanged ? undefined : message.header.documentType.typeName;
  const why = `Nơi gửi cập nhật thông tin văn bản${m.businessReason ? ` (${m.businessReason})` : ''}`;
  const said: string[] = [];
  for (const o of originals) said.push(await correctOne(tx, o, correction, typeName, why));
  if (info?.documentReceiver === '1' && info.receivers.length > 0) said.push(`nơi gửi báo danh sách nơi nhận mới (${info.receivers.map((r) => r.organId).join(', ')}), không thay đổi gì ở đây`);
  const outcome = sentence(said.join('; '));
  await repo.updateMessage(tx, m.id, { status: 'applied', outcome, documentId: originals.find((o) => o.documentId)?.documentId ?? null });
  await audit(ctx, tx, { action: 'exchange.updated', entityType: 'exchange_message', entityId: m.id, summary: `${m.fromOrganId} cập nhật văn bản ${target}: ${outcome}`, after: { target, originals: originals.map((o) => o.id) } });
}

const REPLACED = 'Thay thế văn bản đã nhận';

/** The sender replaces documents it sent by this one (3): they are set aside; this one waits for the clerk. */
async function replace(ctx: ServiceContext, tx: Db, m: Message) {
  const said: string[] = [];
  const missing: string[] = [];
  for (const target of m.targetDocumentIds) {
    const originals = await documentsNamed(tx, m, target);
    if (originals.length === 0) missing.push(target);
    for (const o of originals) said.push((await setAside(tx, o, replaceNote(m))).said);
  }
  const warnings = missing.map((id) => `Chưa nhận văn bản ${id} mà văn bản này thay thế; nếu văn bản đó đến sau, văn bản sẽ được gỡ bỏ ngay.`);
  const outcome = said.length > 0 ? `${REPLACED}: ${said.join('; ')}` : null;
  await repo.updateMessage(tx, m.id, { outcome, warnings: [...m.warnings, ...warnings] });
  await audit(ctx, tx, { action: 'exchange.replaced', entityType: 'exchange_message', entityId: m.id, summary: `${m.fromOrganId} thay thế văn bản ${m.targetDocumentIds.join(', ')} bằng ${m.edxmlDocumentId}`, after: { targets: m.targetDocumentIds, missing } });
}

/**
 * A document that arrives after its own revocation or replacement (deliveries are retried and may cross):
 * it is set aside at once, and the revocation that waited for it is carried out.
 */
async function arrivedAfterward(ctx: ServiceContext, tx: Db, store: BlobStore, m: Message, now: Date) {
  const earlier = (await repo.businessMessagesNaming(tx, m.tenantId, m.agencyId, m.fromOrganId, m.edxmlDocumentId)).filter((b) => b.id !== m.id);
  const by = earlier[0];
  if (!by) return;
  const note = by.businessDocType === 1 ? revokeNote(by) : replaceNote(by);
  const { said } = await setAside(tx, m, note);
  if (by.businessDocType === 1) {
    await enqueueStatus(tx, store, m, '15', 'Đã thu hồi văn bản theo thông điệp thu hồi của nơi gửi', now);
    await repo.updateMessage(tx, by.id, { status: 'applied', outcome: sentence(said) });
  } else {
    await repo.updateMessage(tx, by.id, { outcome: by.outcome ? `${by.outcome}; ${said}` : `${REPLACED}: ${said}` });
  }
  await audit(ctx, tx, { action: by.businessDocType === 1 ? 'exchange.revoked' : 'exchange.replaced', entityType: 'exchange_message', entityId: by.id, summary: `${m.edxmlDocumentId} đến sau: ${said}`, after: { message: m.id } });
}

/** What a message just stored does to the documents it names, in the transaction that stored it. */
export async function applyBusinessKind(ctx: ServiceContext, tx: Db, store: BlobStore, m: Message, message: EdxmlMessage) {
  const now = new Date();
  if (m.businessDocType === 1) return revoke(ctx, tx, store, m, now);
  if (m.businessDocType === 2) await update(ctx, tx, m, message);
  if (m.businessDocType === 3) await replace(ctx, tx, m);
  // What now waits for the clerk may be a document its sender already revoked or replaced.
  const waiting = await repo.getMessage(tx, m.tenantId, m.agencyId, m.id);
  if (waiting?.status === 'pending') await arrivedAfterward(ctx, tx, store, waiting, now);
}
