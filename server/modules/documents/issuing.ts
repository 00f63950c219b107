import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency } from '../org/index.js';
import { DOCUMENT_TYPES, isStateSecret, type Confidentiality } from './document-types.js';
import { currentFiles, loadOutgoing, outgoingEvent } from './outgoing.js';
import * as out from './outgoing-repo.js';
import { assertOpen } from './registers.js';
import * as repo from './repo.js';
import * as routingRepo from './routing-repo.js';

// Numbering, issuing and delivering a signed outgoing document, and recalling it (Decree 30 art. 15–18).

type DocRow = repo.DocumentRow;
const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The notation of App. I §II.3: type + agency for named types; agency + drafting unit for công văn. */
export function notationOf(typeCode: string, agencyShort: string, unitShort: string | null): string {
  const type = DOCUMENT_TYPES.find((t) => t.code === typeCode);
  const parts = type && !('noAbbreviation' in type) ? [type.code, agencyShort] : [agencyShort, unitShort].filter((p): p is string => Boolean(p));
  return parts.join('-').toUpperCase().replace(/\s+/g, '');
}

/** The number and date of an outgoing document, in its register's series for the year. */
export interface IssueNumber {
  registerId: string;
  registerName: string;
  issueNumber: number;
  year: number;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  numberNotation: string;
}

const numberOf = (n: Omit<IssueNumber, 'numberNotation'>): IssueNumber => ({ ...n, numberNotation: `${n.codeNumber}/${n.codeNotation}` });

/**
 * Numbers and dates a signed document (art. 15.3: the System numbers and dates electronic documents), once:
 * the next number of the series for the year, never reused. The clerk's order is number and date, register,
 * the agency's signature, issue (art. 14; "sign first, then number"): a document the clerk adds the agency's
 * signature to is numbered then, since its attachments in separate files carry that number in their own
 * signature (App. I §II.8); any other is numbered when issued. The series' counter stays locked until the
 * caller's transaction ends, so a failure gives the number back.
 */
export async function numberOutgoing(ctx: ServiceContext, tx: Db, doc: DocRow, input: { registerId?: string | undefined; at: Date }): Promise<IssueNumber> {
  if (doc.issueNumber !== null && doc.registerId && doc.issueYear && doc.codeNumber && doc.codeNotation && doc.issuedDate) {
    if (input.registerId && input.registerId !== doc.registerId) {
      throw fieldError('registerId', `Văn bản đã được cấp số ${doc.codeNumber}/${doc.codeNotation} trong "${doc.registerName ?? ''}" khi thêm chữ ký số của cơ quan`);
    }
    const { registerId, issueNumber, issueYear: year, codeNumber, codeNotation, issuedDate } = doc;
    return numberOf({ registerId, registerName: doc.registerName ?? '', issueNumber, year, codeNumber, codeNotation, issuedDate });
  }
  const secret = isStateSecret(doc.confidentiality as Confidentiality);
  const registers = await out.findOutgoingRegisters(tx, ctx.actor.tenantId, doc.agencyId, secret);
  let register = input.registerId ? registers.find((r) => r.id === input.registerId) : (registers.find((r) => r.typeCodes?.includes(doc.typeCode)) ?? registers.find((r) => !r.typeCodes?.length));
  if (input.registerId && !register) throw fieldError('registerId', secret ? 'Văn bản mật phải vào sổ văn bản mật đi của cơ quan' : 'Sổ không phải sổ văn bản đi đang dùng của cơ quan');
  register ??= await repo.ensureRegister(tx, { id: newId(), tenantId: ctx.actor.tenantId, agencyId: doc.agencyId, direction: 'outgoing', name: secret ? 'Sổ văn bản mật đi' : 'Sổ văn bản đi', secret });
  const issuedDate = vietnamDate(input.at);
  const year = Number(issuedDate.slice(0, 4));
  await assertOpen({ ...ctx, db: tx }, register.id, issuedDate);
  const agency = await getAgency({ ...ctx, db: tx }, doc.agencyId);
  const unit = await out.unitName(tx, doc.draftingUnitId);
  const codeNotation = notationOf(doc.typeCode, agency.shortName, unit?.shortName ?? null);
  // the series' counter is locked from here to commit
  const issueNumber = await repo.nextNumber(tx, register.id, year);
  const codeNumber = pad2(issueNumber);
  await out.updateDocument(tx, doc.id, { registerId: register.id, issueNumber, issueYear: year, codeNumber, codeNotation, issuedDate });
  return numberOf({ registerId: register.id, registerName: register.name, issueNumber, year, codeNumber, codeNotation, issuedDate });
}

/**
 * Issues a signed document (art. 16), numbered and dated now unless the agency's signature already gave it
 * its number: agencies of the tenant get it at once as an incoming document with their next arrival
 * number, internal units receive it for information, outside recipients wait for the electronic exchange.
 * What is sent is the document as it is now (`currentFiles`). All in one transaction: a failure gives a
 * number taken here back.
 */
export async function issueOutgoingDocument(ctx: ServiceContext, id: string, input: { registerId?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'issue', 'Chỉ phát hành được văn bản đã ký');
    const secret = isStateSecret(doc.confidentiality as Confidentiality);
    const now = new Date();
    const numberedBefore = doc.issueNumber !== null;
    const numbered = await numberOutgoing(ctx, tx, doc, { registerId: input.registerId, at: now });
    const { codeNumber, codeNotation, issueNumber, year, numberNotation } = numbered;
    const today = numbered.issuedDate;
    const agency = await getAgency({ ...ctx, db: tx }, doc.agencyId);
    const recipients = await out.getRecipients(tx, id);
    const deliver = currentFiles(await repo.getDocumentFiles(tx, id)).map((f) => f.id);
    await out.updateDocument(tx, id, { issuedAt: now, status: 'issued' });
    const register = { id: numbered.registerId, name: numbered.registerName };

    let delivered = 0;
    for (const r of recipients) {
      if (r.kind === 'external' || secret) {
        await out.updateRecipient(tx, r.id, { status: secret ? 'pending' : 'queued' });
        continue;
      }
      if (r.kind === 'unit') {
        await routingRepo.insertAssignments(tx, [{ id: newId(), tenantId: ctx.actor.tenantId, documentId: id, role: 'info', agencyId: doc.agencyId, unitId: r.unitId!, userId: null, instruction: 'Nơi nhận của văn bản', status: 'pending', assignedBy: ctx.actor.userId, assignedByName: ctx.actor.fullName }]);
        await out.updateRecipient(tx, r.id, { status: 'delivered', deliveredAt: now });
        continue;
      }
      const copyId = await deliverCopy(ctx, tx, { doc, agencyName: agency.name, recipientAgencyId: r.agencyId!, codeNumber, codeNotation, issuedDate: today, fileIds: deliver, now });
      await out.updateRecipient(tx, r.id, { status: 'delivered', deliveredAt: now, copyDocumentId: copyId });
      delivered += 1;
    }
    if (doc.replyToId) await out.markCopyAnswered(tx, doc.replyToId);
    const numberedNote = `${numberedBefore ? 'Phát hành văn bản số' : 'Cấp số'} ${numberNotation} ngày ${today.split('-').reverse().join('/')} (${register.name})`;
    const note = `${numberedNote}; ${delivered ? `đã gửi ${delivered} cơ quan trong tỉnh` : 'không có cơ quan nhận trong tỉnh'}`;
    await outgoingEvent(ctx, tx, id, 'issued', note, { issueNumber, registerId: register.id });
    await audit(ctx, tx, { action: 'document.issued', entityType: 'document', entityId: id, summary: `Phát hành văn bản ${numberNotation}`, after: { registerId: register.id, issueNumber, year, numberNotation, delivered } });
    return { numberNotation };
  });
}

async function deliverCopy(
  ctx: ServiceContext,
  tx: Db,
  p: { doc: DocRow; agencyName: string; recipientAgencyId: string; codeNumber: string; codeNotation: string; issuedDate: string; fileIds: string[]; now: Date },
) {
  const register = await repo.ensureRegister(tx, { id: newId(), tenantId: ctx.actor.tenantId, agencyId: p.recipientAgencyId, direction: 'incoming', name: 'Sổ văn bản đến', secret: false });
  const year = Number(p.issuedDate.slice(0, 4));
  const arrivalNumber = await repo.nextNumber(tx, register.id, year);
  const copyId = newId();
  await repo.insertDocument(tx, {
    id: copyId,
    tenantId: ctx.actor.tenantId,
    agencyId: p.recipientAgencyId,
    direction: 'incoming',
    registerId: register.id,
    arrivalNumber,
    arrivalYear: year,
    receivedAt: p.now,
    channel: 'electronic',
    senderAgencyId: p.doc.agencyId,
    senderName: p.agencyName,
    codeNumber: p.codeNumber,
    codeNotation: p.codeNotation,
    issuedDate: p.issuedDate,
    typeCode: p.doc.typeCode,
    subject: p.doc.subject,
    signerName: p.doc.signerName,
    signerPosition: p.doc.signerPosition,
    urgency: p.doc.urgency,
    confidentiality: p.doc.confidentiality,
    status: 'registered',
    sourceDocumentId: p.doc.id,
    contentExtractedAt: p.fileIds.length ? null : p.now,
    createdBy: ctx.actor.userId,
  });
  await repo.attachFiles(tx, copyId, p.fileIds);
  await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, documentId: copyId, actorId: null, actorName: 'Hệ thống', kind: 'received', note: `Nhận văn bản điện tử từ ${p.agencyName}, vào "${register.name}" số đến ${arrivalNumber}; đã báo nhận cho nơi gửi` });
  return copyId;
}

/** Recall (art. 18, App. VI): the issued document is frozen, the recipients' copies withdrawn. */
export async function recallOutgoing(ctx: ServiceContext, id: string, note: string) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'recall', 'Chỉ thu hồi được văn bản đã phát hành');
    const now = new Date();
    let withdrawn = 0;
    for (const r of await out.getRecipients(tx, id)) {
      if (r.copyDocumentId) {
        await out.updateDocument(tx, r.copyDocumentId, { status: 'withdrawn' });
        for (const a of await routingRepo.getAssignments(tx, r.copyDocumentId)) if (routingRepo.ACTIVE_STATUSES.includes(a.status)) await routingRepo.updateAssignment(tx, a.id, { status: 'recalled', doneAt: now });
        await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, documentId: r.copyDocumentId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'withdrawn', note: `Cơ quan gửi thu hồi văn bản: ${note}` });
        withdrawn += 1;
      }
      await out.updateRecipient(tx, r.id, { status: 'withdrawn' });
    }
    await out.updateDocument(tx, id, { status: 'recalled' });
    await outgoingEvent(ctx, tx, id, 'recalled', `Thu hồi văn bản đã phát hành: ${note}`);
    await audit(ctx, tx, { action: 'document.recalled', entityType: 'document', entityId: id, summary: `Thu hồi văn bản ${doc.codeNumber}/${doc.codeNotation}`, after: { note, withdrawnCopies: withdrawn } });
  });
}

