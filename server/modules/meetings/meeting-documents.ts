import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { readVerified } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import * as repo from './repo.js';
import type { AddMeetingDocumentRequest } from './schemas.js';
import { fieldError, getMeeting, organizerMeeting, visibleMeeting } from './service.js';

type In<T extends z.ZodType> = z.output<T>;

const documentNotFound = () => new DomainError('NOT_FOUND', 'Cuộc họp không có tài liệu này');

/** Paperless meetings: the organizer attaches the papers before the meeting, from files they uploaded. */
export async function addMeetingDocument(ctx: ServiceContext, id: string, input: In<typeof AddMeetingDocumentRequest>) {
  await ctx.db.transaction(async (tx) => {
    const m = await organizerMeeting({ ...ctx, db: tx }, tx, id, ['planned'], 'Chỉ thêm tài liệu trước khi họp');
    const file = await repo.findOwnFile(tx, ctx.actor.tenantId, ctx.actor.userId, input.fileId);
    if (!file) throw fieldError('fileId', 'Tệp không tồn tại hoặc không do bạn tải lên');
    if ((await repo.getDocuments(tx, ctx.actor.tenantId, id)).some((d) => d.fileId === file.id)) throw fieldError('fileId', 'Tài liệu này đã có trong cuộc họp');
    const documentId = newId();
    const title = input.title ?? file.name.replace(/\.[^.]+$/, '');
    await repo.insertDocument(tx, { id: documentId, tenantId: ctx.actor.tenantId, meetingId: id, fileId: file.id, title, addedBy: ctx.actor.userId });
    await audit(ctx, tx, { action: 'meeting.document_added', entityType: 'meeting', entityId: id, summary: `Thêm tài liệu "${title}" vào cuộc họp "${m.title}"`, after: { documentId, fileId: file.id, sha256: file.sha256 } });
  });
  return getMeeting(ctx, id);
}

export async function removeMeetingDocument(ctx: ServiceContext, id: string, documentId: string) {
  await ctx.db.transaction(async (tx) => {
    const m = await organizerMeeting({ ...ctx, db: tx }, tx, id, ['planned'], 'Chỉ gỡ tài liệu trước khi họp');
    const doc = await repo.getDocument(tx, ctx.actor.tenantId, id, documentId);
    if (!doc) throw documentNotFound();
    await repo.deleteDocument(tx, ctx.actor.tenantId, documentId);
    await audit(ctx, tx, { action: 'meeting.document_removed', entityType: 'meeting', entityId: id, summary: `Gỡ tài liệu "${doc.title}" khỏi cuộc họp "${m.title}"`, before: { documentId, fileId: doc.fileId } });
  });
  return getMeeting(ctx, id);
}

export async function listMeetingDocuments(ctx: ServiceContext, id: string) {
  return { items: (await getMeeting(ctx, id)).documents };
}

/** Whoever may see the meeting reads its papers; the first open per person is recorded. */
export async function downloadMeetingDocument(ctx: ServiceContext, store: BlobStore, id: string, documentId: string) {
  await visibleMeeting(ctx, id);
  const doc = await repo.getDocument(ctx.db, ctx.actor.tenantId, id, documentId);
  if (!doc) throw documentNotFound();
  const stream = await readVerified(store, doc.file);
  await repo.recordRead(ctx.db, ctx.actor.tenantId, documentId, ctx.actor.userId);
  return { file: doc.file, stream };
}
