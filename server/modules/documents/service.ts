import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { firstAuditEntry } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { docxToPdf } from '../../platform/files/convert.js';
import { readVerified, type FileRow } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency, listUsersByIds } from '../org/index.js';
import { documentTypeName, isStateSecret, type Confidentiality, type Urgency } from './document-types.js';
import { visibilityOf } from './policy.js';
import { assertOpen } from './registers.js';
import { writeNumbered } from './numbering-batch.js';
import * as repo from './repo.js';
import { markCopyRead } from './outgoing-repo.js';
import { currentFiles, outgoingPart } from './outgoing.js';
import { holds, routingView } from './routing.js';
import * as routingRepo from './routing-repo.js';
import type { ListIncomingQuery, RegisterIncomingRequest } from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;

export function toDocumentSummary(d: repo.DocumentRow) {
  return {
    id: d.id,
    direction: d.direction,
    registerId: d.registerId,
    registerName: d.registerName,
    arrivalNumber: d.arrivalNumber,
    arrivalYear: d.arrivalYear,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    channel: d.channel,
    senderAgencyId: d.senderAgencyId,
    senderName: d.senderName,
    numberNotation: d.codeNumber ? `${d.codeNumber}/${d.codeNotation}` : null,
    issuedDate: d.issuedDate,
    typeCode: d.typeCode,
    typeName: documentTypeName(d.typeCode),
    subject: d.subject,
    urgency: d.urgency as Urgency,
    confidentiality: d.confidentiality as Confidentiality,
    dueDate: d.dueDate,
    status: d.status,
  };
}

const fieldError = (path: string, message: string, code: 'BAD_REQUEST' | 'VALIDATION_FAILED' = 'BAD_REQUEST') =>
  new DomainError(code, message, { errors: [{ path, message }] });

/**
 * Registers a received document (Decree 30/2020 art. 22): the next arrival number of the register for the
 * year, the received time, the metadata and files, the timeline's first entry and the audit entry, all in
 * one transaction. A likely duplicate is refused until the clerk confirms it.
 */
export async function registerIncoming(ctx: ServiceContext, input: In<typeof RegisterIncomingRequest>) {
  requirePermission(ctx.actor, 'document.register');
  const [codeNumber, codeNotation] = input.numberNotation.split('/') as [string, string];
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  if (receivedAt.getTime() > Date.now() + 5 * 60_000) throw fieldError('receivedAt', 'Thời điểm nhận không được ở tương lai');
  const receivedDay = vietnamDate(receivedAt);
  if (input.issuedDate > receivedDay) throw fieldError('issuedDate', 'Ngày văn bản không được sau ngày nhận');
  const secret = isStateSecret(input.confidentiality);
  if (secret && input.fileIds.length > 0) {
    throw fieldError('fileIds', 'Văn bản mật chỉ được đăng ký thông tin, không được lưu tệp trên hệ thống (Luật Bảo vệ bí mật nhà nước 2018, Điều 5)');
  }

  // Everything that only reads is done first, side by side: the register's counter is then locked for
  // two statements and the commit (shared by the registrations that queued meanwhile, see writeNumbered).
  const fileIds = [...new Set(input.fileIds)];
  const viewerIds = [...new Set(input.viewerIds)];
  if (viewerIds.length > 0 && !secret) throw fieldError('viewerIds', 'Chỉ văn bản mật mới cần chỉ định người được xem');
  const [senderName, dueDate, register, dups, attachable, viewers] = await Promise.all([
    senderNameOf(ctx, input),
    dueDateOf(ctx, input, receivedDay),
    incomingRegister(ctx, input.registerId, secret),
    input.confirmDuplicate ? [] : repo.findDuplicates(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId, { codeNumber, codeNotation, issuedDate: input.issuedDate, senderAgencyId: input.senderAgencyId ?? null, senderName: input.senderName ?? '' }),
    repo.findAttachableFiles(ctx.db, ctx.actor.tenantId, ctx.actor.userId, fileIds),
    viewerIds.length ? listUsersByIds(ctx, viewerIds) : [],
  ]);
  await assertOpen(ctx, register.id, receivedDay);
  if (dups.length > 0) {
    const first = dups[0]!;
    throw new DomainError('DUPLICATE_DOCUMENT', `Văn bản ${input.numberNotation} ngày ${input.issuedDate.split('-').reverse().join('/')} của ${senderName} đã được đăng ký với số đến ${first.arrivalNumber}/${first.arrivalYear}`, {
      extra: { duplicates: dups.map((d) => ({ id: d.id, arrivalNumber: d.arrivalNumber, arrivalYear: d.arrivalYear, receivedAt: d.receivedAt?.toISOString() ?? null })) },
    });
  }
  if (attachable.length !== fileIds.length) throw fieldError('fileIds', 'Có tệp không tồn tại, không do bạn tải lên hoặc đã gắn với văn bản khác');
  if (viewers.length !== viewerIds.length) throw fieldError('viewerIds', 'Có người được xem không thuộc tỉnh');

  const arrivalYear = Number(receivedDay.slice(0, 4));
  const created = await writeNumbered(ctx.db, register.id, arrivalYear, (arrivalNumber) => {
    const id = newId();
    const now = new Date();
    const row: repo.DocumentRow = {
      id,
      tenantId: ctx.actor.tenantId,
      agencyId: ctx.actor.agencyId,
      direction: 'incoming',
      registerId: register.id,
      arrivalNumber,
      arrivalYear,
      receivedAt,
      channel: input.channel,
      senderAgencyId: input.senderAgencyId ?? null,
      senderName,
      codeNumber,
      codeNotation,
      issuedDate: input.issuedDate,
      typeCode: input.typeCode,
      subject: input.subject,
      signerName: input.signerName ?? null,
      signerPosition: input.signerPosition ?? null,
      pages: input.pages ?? null,
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      dueDate,
      status: 'registered',
      contentKey: null,
      contentExtractedAt: fileIds.length ? null : receivedAt,
      draftingUnitId: null,
      signerId: null,
      holderId: null,
      issueNumber: null,
      issueYear: null,
      issuedAt: null,
      sourceDocumentId: null,
      replyToId: null,
      searchText: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
      registerName: register.name,
    };
    const { searchText: _generated, registerName: _joined, ...document } = row;
    const event = { id: newId(), tenantId: ctx.actor.tenantId, documentId: id, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'registered', note: `Vào sổ "${register.name}", số đến ${arrivalNumber}`, at: now };
    const byId = new Map(attachable.map((f) => [f.id, f]));
    return {
      document,
      event,
      audit: firstAuditEntry(ctx, {
        action: 'document.registered',
        entityType: 'document',
        entityId: id,
        summary: `Đăng ký văn bản đến số ${arrivalNumber}/${arrivalYear}: ${input.numberNotation}`,
        after: { registerId: register.id, arrivalNumber, arrivalYear, numberNotation: input.numberNotation, issuedDate: input.issuedDate, senderName, confidentiality: input.confidentiality, files: fileIds.length },
      }),
      after: async (tx) => {
        if (fileIds.length && (await repo.findAttachableFiles(tx, ctx.actor.tenantId, ctx.actor.userId, fileIds, true)).length !== fileIds.length) {
          throw fieldError('fileIds', 'Tệp vừa được gắn với văn bản khác');
        }
        await repo.attachFiles(tx, id, fileIds);
        await repo.addViewers(tx, id, viewerIds);
      },
      result: { row, event, files: fileIds.map((fid, i) => ({ ...byId.get(fid)!, role: i === 0 ? ('main' as const) : ('attachment' as const) })) },
    };
  });
  // answered from what was written: no second read while other clerks queue on the counter
  const { row, event, files } = created;
  return {
    ...toDocumentSummary(row),
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    pages: row.pages,
    createdAt: row.createdAt.toISOString(),
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, role: f.role })),
    events: [{ id: event.id, kind: event.kind, actorName: event.actorName, note: event.note, at: event.at.toISOString(), assignmentId: null }],
    routing: routingView(ctx.actor, row, []),
    readers: 0,
    sourceDocumentId: null,
    outgoing: null,
  };
}

async function senderNameOf(ctx: ServiceContext, input: In<typeof RegisterIncomingRequest>): Promise<string> {
  if (!input.senderAgencyId) return input.senderName ?? '';
  const sender = await getAgency(ctx, input.senderAgencyId).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw fieldError('senderAgencyId', 'Cơ quan gửi không có trong danh mục');
    throw err;
  });
  return sender.name;
}

async function dueDateOf(ctx: ServiceContext, input: In<typeof RegisterIncomingRequest>, receivedDay: string): Promise<string | null> {
  const dueDate = input.dueInWorkingDays ? (await loadWorkCalendar(ctx.db, ctx.actor.tenantId)).addWorkingDays(receivedDay, input.dueInWorkingDays) : (input.dueDate ?? null);
  if (dueDate && dueDate < input.issuedDate) throw fieldError('dueDate', 'Hạn xử lý không được trước ngày văn bản');
  return dueDate;
}

/** The chosen register, or the agency's default one of the right kind (created the first time). */
async function incomingRegister(ctx: ServiceContext, registerId: string | undefined, secret: boolean) {
  const register = registerId
    ? await repo.getRegister(ctx.db, ctx.actor.tenantId, registerId)
    : await repo.ensureRegister(ctx.db, { id: newId(), tenantId: ctx.actor.tenantId, agencyId: ctx.actor.agencyId, direction: 'incoming', name: secret ? 'Sổ văn bản mật đến' : 'Sổ văn bản đến', secret });
  if (!register || register.agencyId !== ctx.actor.agencyId || register.direction !== 'incoming' || !register.active) {
    throw fieldError('registerId', 'Sổ đăng ký không phải sổ văn bản đến đang dùng của cơ quan');
  }
  if (register.secret !== secret) {
    throw fieldError('registerId', secret ? 'Văn bản mật phải vào sổ văn bản mật' : 'Sổ văn bản mật chỉ dùng cho văn bản mật');
  }
  return register;
}

export async function listIncoming(ctx: ServiceContext, q: In<typeof ListIncomingQuery>) {
  const v = visibilityOf(ctx.actor);
  const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
  const { items, total } = await repo.findIncoming(ctx.db, ctx.actor.tenantId, v, {
    q: q.q,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    urgency: q.urgency,
    typeCode: q.typeCode,
    registerId: q.registerId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: items.map(toDocumentSummary), total };
}

/**
 * A document the actor may see, with its files, routing and timeline; anything else is "not found".
 * Reading is recorded: the first reading by a person goes on the timeline, and their "for information"
 * assignments are done.
 */
export async function getDocument(ctx: ServiceContext, id: string) {
  const row = await repo.getVisibleDocument(ctx.db, ctx.actor.tenantId, visibilityOf(ctx.actor), id);
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem');
  const { view, reads } = await loadDetail(ctx, row);
  let changed = false;
  // a reading is written at most once a minute per person: opening it again meanwhile writes nothing
  const mine = reads.find((r) => r.userId === ctx.actor.userId);
  if (!mine || Date.now() - mine.lastReadAt.getTime() > READ_AGAIN_AFTER_MS) {
    // the first reading goes on the timeline and tells the sender
    if (await routingRepo.recordRead(ctx.db, id, ctx.actor.userId)) {
      await ctx.db.transaction(async (tx) => {
        await markCopyRead(tx, id);
        await repo.addEvent(tx, { id: newId(), tenantId: ctx.actor.tenantId, documentId: id, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'read', note: 'Đã xem văn bản' });
      });
      changed = true;
    }
  }
  // reading is what "for information" asks: those rows are done now
  if (view.routing.assignments.some((a) => a.role === 'info' && a.status === 'pending' && holds(ctx.actor, a))) {
    await routingRepo.completeInfoAssignments(ctx.db, id, ctx.actor.userId, ctx.actor.unitId);
    changed = true;
  }
  return changed ? (await loadDetail(ctx, row)).view : view;
}

/** Matches the database's own rule in recordRead. */
const READ_AGAIN_AFTER_MS = 60_000;

export async function documentDetail(ctx: ServiceContext, id: string, known?: repo.DocumentRow) {
  const row = known ?? (await repo.getVisibleDocument(ctx.db, ctx.actor.tenantId, visibilityOf(ctx.actor), id));
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem');
  return (await loadDetail(ctx, row)).view;
}

async function loadDetail(ctx: ServiceContext, row: repo.DocumentRow) {
  const id = row.id;
  const [fileRows, events, assignments, reads] = await Promise.all([
    repo.getDocumentFiles(ctx.db, id),
    repo.getDocumentEvents(ctx.db, id),
    routingRepo.getAssignments(ctx.db, id),
    routingRepo.getReads(ctx.db, id),
  ]);
  const current = row.direction === 'outgoing' ? currentFiles(fileRows) : fileRows;
  const view = {
    ...toDocumentSummary(row),
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    pages: row.pages,
    createdAt: row.createdAt.toISOString(),
    files: current.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, role: f.role })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, actorName: e.actorName, note: e.note, at: e.at.toISOString(), assignmentId: assignmentOf(e.data) })),
    routing: routingView(ctx.actor, row, assignments),
    readers: reads.length,
    sourceDocumentId: row.sourceDocumentId,
    outgoing: row.direction === 'outgoing' ? await outgoingPart(ctx, row, fileRows, events) : null,
  };
  return { view, reads };
}

/** A file of a document, to anyone who may see the document; the first opening per person goes on the timeline. */
export async function openDocumentFile(ctx: ServiceContext, store: BlobStore, documentId: string, fileId: string) {
  const doc = await repo.getVisibleDocument(ctx.db, ctx.actor.tenantId, visibilityOf(ctx.actor), documentId);
  if (!doc) throw new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem');
  if (doc.status === 'withdrawn') throw new DomainError('DOCUMENT_WITHDRAWN');
  const file = (await repo.getDocumentFiles(ctx.db, documentId)).find((f) => f.id === fileId);
  if (!file) throw new DomainError('NOT_FOUND', 'Văn bản không có tệp này');
  const row: FileRow = { id: file.id, tenantId: file.tenantId, sha256: file.sha256, size: file.size, mime: file.mime, name: file.name, createdBy: file.createdBy, createdAt: file.createdAt };
  const stream = await readVerified(store, row);
  if (!(await repo.hasOpenedFile(ctx.db, documentId, ctx.actor.userId, fileId))) {
    await repo.addEvent(ctx.db, { id: newId(), tenantId: ctx.actor.tenantId, documentId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, kind: 'file_read', note: `Mở tệp ${file.name}`, data: { fileId } });
  }
  return { file: row, stream };
}

export async function listRegisters(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'document.read');
  const rows = await repo.findRegisters(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId);
  return rows.map((r) => ({ id: r.id, agencyId: r.agencyId, direction: r.direction, name: r.name, secret: r.secret, active: r.active, typeCodes: r.typeCodes ?? null }));
}

/**
 * A file of a document as PDF for the browser's viewer: a PDF as it is, a DOCX converted by LibreOffice
 * when the machine has it (501 otherwise; the original can still be downloaded).
 */
export async function documentFileAsPdf(ctx: ServiceContext, store: BlobStore, documentId: string, fileId: string) {
  const { file, stream } = await openDocumentFile(ctx, store, documentId, fileId);
  if (file.mime === 'application/pdf') return { name: file.name, stream };
  if (file.mime !== DOCX_MIME) {
    stream.destroy();
    throw new DomainError('BAD_REQUEST', 'Chỉ xem trước được tệp PDF hoặc DOCX');
  }
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: file.name.replace(/\.docx$/i, '.pdf'), stream: await docxToPdf(Buffer.concat(chunks)) };
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const assignmentOf = (data: unknown): string | null => {
  const id = (data as { assignmentId?: unknown } | null)?.assignmentId;
  return typeof id === 'string' ? id : null;
};
