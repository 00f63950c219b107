import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf, type Actor } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency, listUnitsByIds, listUsersByIds } from '../org/index.js';
import { documentTypeName, isStateSecret, type Confidentiality } from './document-types.js';
import * as out from './outgoing-repo.js';
import type { AddVersionRequest, CreateOutgoingDraftRequest, OutgoingListQuery, RecipientInput, UpdateOutgoingDraftRequest } from './outgoing-schemas.js';
import { visibilityOf } from './policy.js';
import * as repo from './repo.js';
import * as routingRepo from './routing-repo.js';

type In<T extends z.ZodType> = z.output<T>;
type DocRow = repo.DocumentRow;

export const OUTGOING_ACTIONS = ['edit', 'add_version', 'submit', 'return', 'comment', 'approve', 'sign', 'seal', 'issue', 'recall'] as const;
export type OutgoingAction = (typeof OUTGOING_ACTIONS)[number];

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
const invalidState = (message: string) => new DomainError('INVALID_STATE', message);
const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem');

/**
 * What the actor may do on an outgoing document now (Decree 30 art. 10–18): the drafter edits until it
 * leaves them; whoever holds it passes it on, returns it or (the signer) approves and signs; the
 * agency's clerk numbers and issues what is signed, and recalls what was issued.
 */
export function outgoingActions(actor: Actor, d: Pick<DocRow, 'status' | 'holderId' | 'createdBy' | 'signerId' | 'agencyId'>): OutgoingAction[] {
  const a: OutgoingAction[] = [];
  const holds = d.holderId === actor.userId;
  const clerk = scopeOf(actor, 'document.register') !== null && d.agencyId === actor.agencyId;
  const drafting = d.status === 'draft' || d.status === 'returned';
  if (holds && drafting && d.createdBy === actor.userId) a.push('edit');
  if (holds && (drafting || d.status === 'in_review')) a.push('add_version', 'submit');
  if (holds && d.status === 'in_review' && d.createdBy !== actor.userId) a.push('return');
  if (d.status !== 'issued' && d.status !== 'recalled') a.push('comment');
  if (holds && (d.status === 'in_review' || drafting) && d.signerId === actor.userId) a.push('approve');
  if (holds && d.status === 'approved' && d.signerId === actor.userId) a.push('sign');
  if (clerk && d.status === 'signed') a.push('issue');
  // the organization signature, by the clerks who keep the agency's certificate
  if (clerk && d.status === 'signed' && scopeOf(actor, 'signature.seal') !== null) a.push('seal');
  if (d.status === 'issued' && (clerk || d.signerId === actor.userId)) a.push('recall');
  return a;
}

async function recipientRows(ctx: ServiceContext, tx: Db, recipients: In<typeof RecipientInput>[]) {
  const sub = { ...ctx, db: tx };
  const agencyIds = recipients.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
  const unitIds = recipients.flatMap((r) => (r.unitId ? [r.unitId] : []));
  const organIds = recipients.flatMap((r) => (r.identifierCode ? [r.identifierCode] : []));
  if (new Set(agencyIds).size !== agencyIds.length || new Set(unitIds).size !== unitIds.length || new Set(organIds).size !== organIds.length) throw fieldError('recipients', 'Nơi nhận bị trùng');
  const agencies = await Promise.all(agencyIds.map((id) => getAgency(sub, id).catch(() => null)));
  const unitRows = await listUnitsByIds(sub, unitIds);
  return recipients.map((r, i) => {
    if (r.agencyId) {
      const a = agencies[agencyIds.indexOf(r.agencyId)];
      if (!a || !a.active) throw fieldError(`recipients.${i}`, 'Cơ quan nhận không có trong danh mục');
      if (a.id === ctx.actor.agencyId) throw fieldError(`recipients.${i}`, 'Không gửi văn bản cho chính cơ quan mình; chọn đơn vị nội bộ');
      return { kind: 'agency' as const, agencyId: a.id, unitId: null, name: a.name };
    }
    if (r.unitId) {
      const u = unitRows.find((x) => x.id === r.unitId);
      if (!u || !u.active || u.agencyId !== ctx.actor.agencyId) throw fieldError(`recipients.${i}`, 'Đơn vị nhận phải là đơn vị của cơ quan mình');
      return { kind: 'unit' as const, agencyId: null, unitId: u.id, name: u.name };
    }
    return { kind: 'external' as const, agencyId: null, unitId: null, name: r.name!, organId: r.identifierCode ?? null };
  });
}

async function signerOf(ctx: ServiceContext, tx: Db, signerId: string) {
  const [signer] = await listUsersByIds({ ...ctx, db: tx }, [signerId]);
  if (!signer || !signer.active) throw fieldError('signerId', 'Người ký không tồn tại hoặc đã ngừng hoạt động');
  return signer;
}

async function takeFile(ctx: ServiceContext, tx: Db, fileId: string, path: string, kinds: string[]) {
  const [f] = await repo.findAttachableFiles(tx, ctx.actor.tenantId, ctx.actor.userId, [fileId]);
  if (!f) throw fieldError(path, 'Tệp không tồn tại, không do bạn tải lên hoặc đã gắn với văn bản khác');
  if (!kinds.includes(f.mime)) throw fieldError(path, 'Tệp dự thảo phải là DOCX hoặc PDF');
  return f;
}

const DRAFT_KINDS = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

export async function outgoingEvent(ctx: ServiceContext, tx: Db, documentId: string, kind: string, note: string, data?: Record<string, unknown>) {
  await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, documentId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind, note, data: data ?? null });
}

async function requireContent(tx: Db, doc: DocRow) {
  if (isStateSecret(doc.confidentiality as Confidentiality)) return;
  if (!(await repo.getDocumentFiles(tx, doc.id)).some((f) => f.role === 'main')) throw fieldError('contentFileId', 'Chưa có tệp nội dung dự thảo');
}

/** A specialist's draft (art. 10): type, subject, the intended signer, recipients, content and attachments. */
export async function createOutgoingDraft(ctx: ServiceContext, input: In<typeof CreateOutgoingDraftRequest>) {
  requirePermission(ctx.actor, 'document.draft');
  const secret = isStateSecret(input.confidentiality);
  if (secret && (input.contentFileId || input.attachmentIds.length > 0)) {
    throw fieldError('contentFileId', 'Văn bản mật không được soạn thảo, lưu trữ trên hệ thống nối mạng (Luật Bảo vệ bí mật nhà nước 2018, Điều 5); chỉ đăng ký thông tin');
  }
  return ctx.db.transaction(async (tx) => {
    const signer = await signerOf(ctx, tx, input.signerId);
    const agency = await getAgency({ ...ctx, db: tx }, ctx.actor.agencyId);
    const recipients = await recipientRows(ctx, tx, input.recipients);
    if (input.replyToId && !(await repo.getVisibleDocument(tx, ctx.actor.tenantId, visibilityOf(ctx.actor), input.replyToId))) throw fieldError('replyToId', 'Không tìm thấy văn bản được trả lời');
    const id = newId();
    await repo.insertDocument(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      agencyId: ctx.actor.agencyId,
      direction: 'outgoing',
      channel: 'electronic',
      senderName: agency.name,
      typeCode: input.typeCode,
      subject: input.subject,
      signerName: signer.fullName,
      signerPosition: signer.positionName,
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      status: 'draft',
      draftingUnitId: ctx.actor.unitId,
      signerId: signer.id,
      holderId: ctx.actor.userId,
      replyToId: input.replyToId ?? null,
      contentExtractedAt: input.contentFileId || input.attachmentIds.length ? null : new Date(),
      createdBy: ctx.actor.userId,
    });
    await out.replaceRecipients(tx, ctx.actor.tenantId, id, recipients);
    let position = 0;
    if (input.contentFileId) {
      await takeFile(ctx, tx, input.contentFileId, 'contentFileId', DRAFT_KINDS);
      await out.attachFile(tx, { documentId: id, fileId: input.contentFileId, role: 'main', position: position++, version: 1 });
    }
    for (const [i, fileId] of [...new Set(input.attachmentIds)].entries()) {
      if (!(await repo.findAttachableFiles(tx, ctx.actor.tenantId, ctx.actor.userId, [fileId])).length) throw fieldError(`attachmentIds.${i}`, 'Tệp không tồn tại, không do bạn tải lên hoặc đã gắn với văn bản khác');
      await out.attachFile(tx, { documentId: id, fileId, role: 'attachment', position: position++ });
    }
    await outgoingEvent(ctx, tx, id, 'drafted', `Tạo dự thảo ${documentTypeName(input.typeCode)}, người ký dự kiến ${signer.fullName}`);
    await audit(ctx, tx, { action: 'document.drafted', entityType: 'document', entityId: id, summary: `Tạo dự thảo văn bản đi: ${input.subject}`, after: { typeCode: input.typeCode, signerId: signer.id, recipients: recipients.length, confidentiality: input.confidentiality } });
    return id;
  });
}

/** Opens a change on an outgoing document the actor may see, locked, and checks the action is theirs. */
export async function loadOutgoing(ctx: ServiceContext, tx: Db, id: string, action: OutgoingAction, stateMessage: string) {
  const row = await repo.getVisibleDocument(tx, ctx.actor.tenantId, visibilityOf(ctx.actor), id);
  if (!row || row.direction !== 'outgoing') throw notFound();
  await routingRepo.lockDocument(tx, ctx.actor.tenantId, id);
  const doc = (await repo.getVisibleDocument(tx, ctx.actor.tenantId, visibilityOf(ctx.actor), id))!;
  if (!outgoingActions(ctx.actor, doc).includes(action)) throw mayEver(ctx.actor, doc, action) ? invalidState(stateMessage) : new DomainError('FORBIDDEN');
  return doc;
}

/** Whether the step could ever be the actor's on this document: if so, a refusal is about its state. */
function mayEver(actor: Actor, d: DocRow, action: OutgoingAction): boolean {
  const clerk = scopeOf(actor, 'document.register') !== null && d.agencyId === actor.agencyId;
  switch (action) {
    case 'edit':
      return d.createdBy === actor.userId;
    case 'add_version':
    case 'submit':
    case 'return':
      return d.holderId === actor.userId || d.createdBy === actor.userId || d.signerId === actor.userId;
    case 'comment':
      return true;
    case 'approve':
    case 'sign':
      return d.signerId === actor.userId;
    case 'issue':
      return clerk;
    case 'seal':
      return clerk && scopeOf(actor, 'signature.seal') !== null;
    case 'recall':
      return clerk || d.signerId === actor.userId;
  }
}

export async function updateOutgoingDraft(ctx: ServiceContext, id: string, input: In<typeof UpdateOutgoingDraftRequest>) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'edit', 'Chỉ sửa được dự thảo đang ở người soạn');
    const values: Parameters<typeof out.updateDocument>[2] = {};
    if (input.typeCode) values.typeCode = input.typeCode;
    if (input.subject) values.subject = input.subject;
    if (input.urgency) values.urgency = input.urgency;
    if (input.confidentiality) {
      if (isStateSecret(input.confidentiality) && (await repo.getDocumentFiles(tx, id)).length > 0) throw fieldError('confidentiality', 'Văn bản mật không được có tệp trên hệ thống; gỡ tệp trước');
      values.confidentiality = input.confidentiality;
    }
    if (input.signerId) {
      const signer = await signerOf(ctx, tx, input.signerId);
      Object.assign(values, { signerId: signer.id, signerName: signer.fullName, signerPosition: signer.positionName });
    }
    await out.updateDocument(tx, id, values);
    if (input.recipients) await out.replaceRecipients(tx, ctx.actor.tenantId, id, await recipientRows(ctx, tx, input.recipients));
    await outgoingEvent(ctx, tx, id, 'edited', 'Sửa thông tin dự thảo');
    await audit(ctx, tx, { action: 'document.draft_updated', entityType: 'document', entityId: id, summary: `Sửa dự thảo: ${doc.subject}`, before: { subject: doc.subject, typeCode: doc.typeCode, signerId: doc.signerId }, after: { ...values, recipients: input.recipients?.length } });
  });
}

/** A new version of the content file; the earlier ones stay (art. 10: keep the draft history). */
export async function addDraftVersion(ctx: ServiceContext, id: string, input: In<typeof AddVersionRequest>) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'add_version', 'Văn bản đã được duyệt; không thay đổi được nội dung');
    if (isStateSecret(doc.confidentiality as Confidentiality)) throw fieldError('fileId', 'Văn bản mật không được có tệp trên hệ thống');
    await takeFile(ctx, tx, input.fileId, 'fileId', DRAFT_KINDS);
    const version = await out.nextVersion(tx, id);
    await out.attachFile(tx, { documentId: id, fileId: input.fileId, role: 'main', position: (await out.maxPosition(tx, id)) + 1, version });
    await out.updateDocument(tx, id, { contentExtractedAt: null });
    await outgoingEvent(ctx, tx, id, 'version', `Phiên bản dự thảo ${version}${input.note ? `: ${input.note}` : ''}`, { fileId: input.fileId, version });
    await audit(ctx, tx, { action: 'document.version_added', entityType: 'document', entityId: id, summary: `Thêm phiên bản dự thảo ${version}`, after: { fileId: input.fileId, version } });
  });
}

/** Passes the draft to the next reviewer: the unit head, the office leadership, then the signer. */
export async function submitOutgoing(ctx: ServiceContext, id: string, input: { toUserId: string; note?: string | undefined }) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'submit', 'Dự thảo không ở bước có thể chuyển tiếp');
    if (input.toUserId === ctx.actor.userId) throw fieldError('toUserId', 'Không chuyển cho chính mình');
    const [to] = await listUsersByIds({ ...ctx, db: tx }, [input.toUserId]);
    if (!to || !to.active) throw fieldError('toUserId', 'Người nhận không tồn tại hoặc đã ngừng hoạt động');
    await requireContent(tx, doc);
    await repo.addViewers(tx, id, [to.id]);
    await out.updateDocument(tx, id, { holderId: to.id, status: 'in_review' });
    const toSigner = to.id === doc.signerId;
    await outgoingEvent(ctx, tx, id, 'submitted', `${toSigner ? 'Trình ký' : 'Chuyển xem xét'}: ${to.fullName}${input.note ? `. ${input.note}` : ''}`, { to: to.id });
    await audit(ctx, tx, { action: 'document.submitted', entityType: 'document', entityId: id, summary: `Chuyển dự thảo cho ${to.fullName}`, after: { holderId: to.id } });
  });
}

export async function returnOutgoing(ctx: ServiceContext, id: string, note: string) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'return', 'Chỉ trả lại được dự thảo đang xem xét');
    await out.updateDocument(tx, id, { holderId: doc.createdBy, status: 'returned' });
    await outgoingEvent(ctx, tx, id, 'returned', `Trả lại để chỉnh sửa: ${note}`);
    await audit(ctx, tx, { action: 'document.returned', entityType: 'document', entityId: id, summary: 'Trả lại dự thảo để chỉnh sửa', after: { note } });
  });
}

export async function commentOutgoing(ctx: ServiceContext, id: string, note: string) {
  await ctx.db.transaction(async (tx) => {
    await loadOutgoing(ctx, tx, id, 'comment', 'Văn bản đã phát hành; không góp ý được nữa');
    await outgoingEvent(ctx, tx, id, 'comment', note);
  });
}

/** The signer approves the content (art. 12); a change after this would need a new approval. */
export async function approveOutgoing(ctx: ServiceContext, id: string, note: string | undefined) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'approve', 'Chỉ người ký duyệt được dự thảo đang trình ký');
    await requireContent(tx, doc);
    await out.updateDocument(tx, id, { status: 'approved', holderId: ctx.actor.userId });
    await outgoingEvent(ctx, tx, id, 'approved', `Duyệt ban hành${note ? `: ${note}` : ''}`);
    await audit(ctx, tx, { action: 'document.approved', entityType: 'document', entityId: id, summary: 'Người ký duyệt văn bản' });
  });
}

/**
 * The signature seam: approved → signed. Today the signer confirms they signed the current version (with
 * their token, outside); the PAdES signing of issue 4 replaces this step and keeps its effect: the
 * document goes to the agency's clerks for numbering.
 */
export async function signOutgoing(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'sign', 'Văn bản chưa được duyệt hoặc đã ký');
    const main = (await repo.getDocumentFiles(tx, id)).filter((f) => f.role === 'main').at(-1);
    await out.updateDocument(tx, id, { status: 'signed', holderId: null });
    await outgoingEvent(ctx, tx, id, 'signed', `Ký văn bản${main ? ` (tệp ${main.name}, SHA-256 ${main.sha256.slice(0, 12)}…)` : ''}`, { fileId: main?.id ?? null, sha256: main?.sha256 ?? null, method: 'confirmation' });
    await audit(ctx, tx, { action: 'document.signed', entityType: 'document', entityId: id, summary: `Ký văn bản: ${doc.subject}`, after: { sha256: main?.sha256 ?? null } });
  });
}

function outgoingActor(actor: Actor): out.OutgoingActor {
  return { tenantId: actor.tenantId, userId: actor.userId, agencyId: actor.agencyId, issues: scopeOf(actor, 'document.register') !== null, readsAgency: scopeOf(actor, 'document.read') !== null };
}

export async function listOutgoing<S extends object>(ctx: ServiceContext, q: In<typeof OutgoingListQuery>, summary: (d: DocRow) => S) {
  const { items, total } = await out.findOutgoing(ctx.db, q.view, outgoingActor(ctx.actor), { q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { total, items: items.map((r) => ({ ...summary(r), holderName: r.holderName })) };
}

export const outgoingCounts = (ctx: ServiceContext) => out.countOutgoing(ctx.db, outgoingActor(ctx.actor));

type FileVersion = Awaited<ReturnType<typeof repo.getDocumentFiles>>[number];

/**
 * What the document is now: the newest content version first, then the newest version of each attachment
 * (an attachment's versions share its position; the one with the agency's signature follows the file as
 * drafted). These are the files issued, sent and shown; the earlier versions stay as the history.
 */
export function currentFiles<F extends Pick<FileVersion, 'role' | 'position' | 'version'>>(files: F[]): F[] {
  const main = files.filter((f) => f.role === 'main').at(-1);
  const newest = new Map<number, F>();
  for (const f of files) if (f.role === 'attachment' && f.version > (newest.get(f.position)?.version ?? 0)) newest.set(f.position, f);
  return [...(main ? [main] : []), ...[...newest.values()].sort((a, b) => a.position - b.position)];
}

/** The attachment files the agency's signature was added to, from the 'sealed' entry of the timeline. */
function organizationSigned(events: { kind: string; data: unknown }[]): Set<string> {
  const sealed = events.findLast((e) => e.kind === 'sealed')?.data as { attachments?: { fileId: string }[] } | null | undefined;
  return new Set((sealed?.attachments ?? []).map((a) => a.fileId));
}

/** Every version of every attachment: the attachments in order (numbered from 1), each newest first. */
function attachmentVersions(files: FileVersion[], signed: Set<string>) {
  const current = new Set(currentFiles(files).map((f) => f.id));
  const positions = [...new Set(files.filter((f) => f.role === 'attachment').map((f) => f.position))].sort((a, b) => a - b);
  return positions.flatMap((position, i) =>
    files
      .filter((f) => f.role === 'attachment' && f.position === position)
      .sort((a, b) => b.version - a.version)
      .map((f) => ({ fileId: f.id, name: f.name, mime: f.mime, size: f.size, version: f.version, addedAt: f.addedAt.toISOString(), attachment: i + 1, current: current.has(f.id), organizationSigned: signed.has(f.id) })),
  );
}

/** The outgoing part of a document's detail. */
export async function outgoingPart(ctx: ServiceContext, d: DocRow, files: FileVersion[], events: { kind: string; data: unknown }[]) {
  const [recipients, names, unit] = await Promise.all([out.getRecipients(ctx.db, d.id), out.userNames(ctx.db, d.holderId ? [d.holderId] : []), out.unitName(ctx.db, d.draftingUnitId)]);
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return {
    draftingUnitName: unit?.name ?? null,
    signerId: d.signerId,
    holderId: d.holderId,
    holderName: d.holderId ? (names.get(d.holderId) ?? null) : null,
    issueNumber: d.issueNumber,
    issuedAt: iso(d.issuedAt),
    replyToId: d.replyToId,
    recipients: recipients.map((r) => ({ id: r.id, kind: r.kind, agencyId: r.agencyId, unitId: r.unitId, name: r.name, organId: r.organId, status: r.status, deliveredAt: iso(r.deliveredAt), readAt: iso(r.readAt), answeredAt: iso(r.answeredAt), exchange: r.exchangeAt ? { code: r.exchangeCode, note: r.exchangeNote ?? '', at: r.exchangeAt.toISOString() } : null })),
    versions: files
      .filter((f) => f.role === 'main')
      .map((f) => ({ fileId: f.id, name: f.name, mime: f.mime, size: f.size, version: f.version, addedAt: f.addedAt.toISOString() }))
      .reverse(),
    attachments: attachmentVersions(files, organizationSigned(events)),
    actions: outgoingActions(ctx.actor, d),
  };
}
