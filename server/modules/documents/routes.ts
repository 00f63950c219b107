import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { CONFIDENTIALITY_LABELS, DOCUMENT_TYPES, URGENCY_LABELS } from './document-types.js';
import { DocumentListResponse, DocumentResponse, DuplicateProblemResponse, ListIncomingQuery, RegisterIncomingRequest, RegisterResponse } from './schemas.js';
import * as issuing from './issuing.js';
import * as outgoing from './outgoing.js';
import { AddVersionRequest, CreateOutgoingDraftRequest, IssueRequest, NoteRequest, OptionalNoteRequest, OutgoingListQuery, OutgoingListResponse, SubmitRequest, UpdateOutgoingDraftRequest } from './outgoing-schemas.js';
import * as registers from './registers.js';
import { CloseRegisterRequest, ClosingResponse, CreateRegisterRequest, ExportRegisterQuery, RegisterEntriesQuery, RegisterEntriesResponse, UpdateRegisterRequest } from './registers-schemas.js';
import * as routing from './routing.js';
import * as search from './search.js';
import { SearchQuery, SearchResponse, StatsQuery, StatsResponse } from './search-schemas.js';
import { AssignDocumentRequest, AssignmentParams, CompleteRequest, ExtendRequest, ForwardAssignmentRequest, InboxAssignment, InboxCountsResponse, InboxQuery, PresentDocumentRequest, RecallRequest, ReportRequest } from './routing-schemas.js';
import { DocumentSummaryResponse } from './schemas.js';
import * as documents from './service.js';
import { DomainError } from '../../platform/http/errors.js';
import { readAll, SignRequest, VerificationResponse, verifyPdf, type SigningKeys } from '../signing/index.js';
import * as digitalSigning from './digital-signing.js';

export function documentRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; keys: SigningKeys }) {
  const r = typed(app);
  const tags = ['Văn bản'];
  const { db } = deps;

  r.post('/api/documents/incoming', {
    schema: {
      operationId: 'registerIncomingDocument',
      summary: 'Đăng ký văn bản đến (cấp số đến của sổ trong năm)',
      description: 'Trùng cơ quan gửi + số, ký hiệu + ngày văn bản với văn bản đã đăng ký → 409 DUPLICATE_DOCUMENT kèm danh sách văn bản trùng; gửi lại với confirmDuplicate=true để vẫn đăng ký.',
      tags,
      body: RegisterIncomingRequest,
      response: { 201: DocumentResponse, ...problems(400, 401, 403), 409: DuplicateProblemResponse },
    },
    handler: async (req, reply) => reply.code(201).send(await documents.registerIncoming(ctxOf(db, req), req.body)),
  });

  r.get('/api/documents/incoming', {
    schema: { operationId: 'listIncomingDocuments', summary: 'Danh sách văn bản đến được xem', tags, querystring: ListIncomingQuery, response: { 200: DocumentListResponse, ...problems(400, 401) } },
    handler: (req) => documents.listIncoming(ctxOf(db, req), req.query),
  });

  r.get('/api/documents/:id', {
    schema: { operationId: 'getDocument', summary: 'Chi tiết văn bản: thông tin, tệp, diễn biến', tags, params: z.object({ id: z.uuid() }), response: { 200: DocumentResponse, ...problems(401, 404) } },
    handler: (req) => documents.getDocument(ctxOf(db, req), req.params.id),
  });

  r.get('/api/documents/:id/files/:fileId/content', {
    schema: {
      operationId: 'downloadDocumentFile',
      summary: 'Tải hoặc xem tệp của văn bản (đã kiểm tra SHA-256; lượt xem được ghi lại)',
      tags,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      querystring: z.object({ inline: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.unknown().describe('Nội dung tệp'), ...problems(401, 404, 500) },
    },
    handler: async (req, reply) => {
      const { file, stream } = await documents.openDocumentFile(ctxOf(db, req), deps.store, req.params.id, req.params.fileId);
      const inline = req.query.inline === 'true' && (file.mime === 'application/pdf' || file.mime.startsWith('image/'));
      return reply
        .header('content-type', file.mime)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  });

  const IdParams = z.object({ id: z.uuid() });
  const done = DocumentResponse;

  r.get('/api/documents/search', {
    schema: { operationId: 'searchDocuments', summary: 'Tìm kiếm văn bản đến và đi (không phân biệt dấu, cả nội dung PDF)', tags, querystring: SearchQuery, response: { 200: SearchResponse, ...problems(400, 401) } },
    handler: (req) => search.searchDocuments(ctxOf(db, req), req.query, documents.toDocumentSummary),
  });

  r.get('/api/documents/stats', {
    schema: { operationId: 'getDocumentStats', summary: 'Số liệu văn bản của cơ quan trong kỳ: đến, đi, xử lý đúng hạn, quá hạn, theo đơn vị', tags, querystring: StatsQuery, response: { 200: StatsResponse, ...problems(400, 401, 403) } },
    handler: (req) => search.getDocumentStats(ctxOf(db, req), req.query),
  });

  r.get('/api/documents/inbox', {
    schema: {
      operationId: 'listDocumentInbox',
      summary: 'Hộp việc văn bản: chờ tôi xử lý, giao đơn vị tôi, để biết, quá hạn, đã xong, chưa giao',
      tags,
      querystring: InboxQuery,
      response: { 200: z.object({ items: z.array(DocumentSummaryResponse.extend({ assignment: InboxAssignment.nullable() })), total: z.number().int() }), ...problems(400, 401) },
    },
    handler: (req) => routing.listInbox(ctxOf(db, req), req.query, documents.toDocumentSummary),
  });

  r.get('/api/documents/inbox/counts', {
    schema: { operationId: 'getDocumentInboxCounts', summary: 'Số văn bản trong từng hộp việc (cho thanh bên)', tags, response: { 200: InboxCountsResponse.extend({ review: z.number().int().describe('Dự thảo chờ tôi xem xét, duyệt, ký'), toIssue: z.number().int().describe('Văn bản đã ký chờ văn thư phát hành'), returned: z.number().int().describe('Dự thảo của tôi bị trả lại') }), ...problems(401) } },
    handler: async (req) => {
      const ctx = ctxOf(db, req);
      const [incoming, outgoingCounts] = await Promise.all([routing.inboxCounts(ctx), outgoing.outgoingCounts(ctx)]);
      return { ...incoming, ...outgoingCounts };
    },
  });

  r.post('/api/documents/:id/present', {
    schema: { operationId: 'presentDocument', summary: 'Trình lãnh đạo cho ý kiến chỉ đạo', tags, params: IdParams, body: PresentDocumentRequest, response: { 200: done, ...problems(400, 401, 403, 404, 409) } },
    handler: async (req) => {
      await routing.presentDocument(ctxOf(db, req), req.params.id, req.body);
      return documents.documentDetail(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/documents/:id/assignments', {
    schema: {
      operationId: 'assignDocument',
      summary: 'Cho ý kiến chỉ đạo và giao xử lý: một chủ trì, phối hợp, để biết, hạn xử lý',
      description: 'reassign=true: giao lại (thu hồi chủ trì, phối hợp hiện tại trong cùng một bước).',
      tags,
      params: IdParams,
      body: AssignDocumentRequest,
      response: { 200: done, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req) => {
      await routing.assignDocument(ctxOf(db, req), req.params.id, req.body);
      return documents.documentDetail(ctxOf(db, req), req.params.id);
    },
  });

  const step = <B extends z.ZodType>(path: string, operationId: string, summary: string, body: B, run: (ctx: ReturnType<typeof ctxOf>, id: string, aid: string, b: z.output<B>) => Promise<void>) =>
    r.post(`/api/documents/:id/assignments/:assignmentId/${path}`, {
      schema: { operationId, summary, tags, params: AssignmentParams, body, response: { 200: done, ...problems(400, 401, 403, 404, 409) } },
      handler: async (req) => {
        const ctx = ctxOf(db, req);
        await run(ctx, req.params.id, req.params.assignmentId, req.body as z.output<B>);
        return documents.documentDetail(ctx, req.params.id);
      },
    });
  step('accept', 'acceptAssignment', 'Tiếp nhận việc được giao', z.object({}), (ctx, id, aid) => routing.acceptAssignment(ctx, id, aid));
  step('forward', 'forwardAssignment', 'Chuyển cho người trong đơn vị xử lý', ForwardAssignmentRequest, (ctx, id, aid, b) => routing.forwardAssignment(ctx, id, aid, b));
  step('report', 'reportAssignmentProgress', 'Báo cáo tiến độ xử lý', ReportRequest, (ctx, id, aid, b) => routing.reportProgress(ctx, id, aid, b.note));
  step('complete', 'completeAssignment', 'Báo cáo kết quả và hoàn thành', CompleteRequest, (ctx, id, aid, b) => routing.completeAssignment(ctx, id, aid, b.result));
  step('recall', 'recallAssignment', 'Thu hồi việc đã giao', RecallRequest, (ctx, id, aid, b) => routing.recallAssignment(ctx, id, aid, b.note));
  step('extend', 'extendAssignment', 'Gia hạn xử lý (giữ hạn ban đầu)', ExtendRequest, (ctx, id, aid, b) => routing.extendAssignment(ctx, id, aid, b));

  r.post('/api/documents/outgoing', {
    schema: {
      operationId: 'createOutgoingDraft',
      summary: 'Tạo dự thảo văn bản đi: loại, trích yếu, người ký, nơi nhận, tệp nội dung, phụ lục',
      tags,
      body: CreateOutgoingDraftRequest,
      response: { 201: done, ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(db, req);
      const id = await outgoing.createOutgoingDraft(ctx, req.body);
      return reply.code(201).send(await documents.documentDetail(ctx, id));
    },
  });

  r.get('/api/documents/outgoing', {
    schema: { operationId: 'listOutgoingDocuments', summary: 'Văn bản đi: dự thảo của tôi, chờ tôi xem xét, chờ phát hành, đã phát hành', tags, querystring: OutgoingListQuery, response: { 200: OutgoingListResponse, ...problems(400, 401) } },
    handler: (req) => outgoing.listOutgoing(ctxOf(db, req), req.query, documents.toDocumentSummary),
  });

  const act = <B extends z.ZodType>(path: string, method: 'post' | 'patch', operationId: string, summary: string, body: B, run: (ctx: ReturnType<typeof ctxOf>, id: string, b: z.output<B>) => Promise<unknown>) =>
    r[method](`/api/documents/outgoing/:id${path}`, {
      schema: { operationId, summary, tags, params: IdParams, body, response: { 200: done, ...problems(400, 401, 403, 404, 409) } },
      handler: async (req) => {
        const ctx = ctxOf(db, req);
        await run(ctx, req.params.id, req.body as z.output<B>);
        return documents.documentDetail(ctx, req.params.id);
      },
    });
  act('', 'patch', 'updateOutgoingDraft', 'Sửa thông tin dự thảo (người soạn, trước khi chuyển đi)', UpdateOutgoingDraftRequest, (ctx, id, b) => outgoing.updateOutgoingDraft(ctx, id, b));
  act('/versions', 'post', 'addOutgoingVersion', 'Thêm phiên bản dự thảo (giữ mọi phiên bản)', AddVersionRequest, (ctx, id, b) => outgoing.addDraftVersion(ctx, id, b));
  act('/submit', 'post', 'submitOutgoingDocument', 'Chuyển dự thảo cho người xem xét tiếp theo hoặc trình ký', SubmitRequest, (ctx, id, b) => outgoing.submitOutgoing(ctx, id, b));
  act('/return', 'post', 'returnOutgoingDocument', 'Trả lại dự thảo cho người soạn để chỉnh sửa', NoteRequest, (ctx, id, b) => outgoing.returnOutgoing(ctx, id, b.note));
  act('/comments', 'post', 'commentOutgoingDocument', 'Góp ý dự thảo', NoteRequest, (ctx, id, b) => outgoing.commentOutgoing(ctx, id, b.note));
  act('/approve', 'post', 'approveOutgoingDocument', 'Người ký duyệt văn bản', OptionalNoteRequest, (ctx, id, b) => outgoing.approveOutgoing(ctx, id, b.note));
  act('/sign', 'post', 'signOutgoingDocument', 'Người ký xác nhận đã ký (chỗ nối cho ký số PAdES)', z.object({}), (ctx, id) => outgoing.signOutgoing(ctx, id));
  act('/signatures', 'post', 'signDocument', 'Người ký ký số văn bản đã duyệt (PAdES, chứng thư số đã lưu, mật khẩu nhập mỗi lần ký)', SignRequest, (ctx, id, b) =>
    digitalSigning.signOutgoingWithCertificate(ctx, deps, id, b),
  );
  act('/organization-signature', 'post', 'addOrganizationSignature', 'Văn thư thêm chữ ký số của cơ quan (con dấu đỏ đè 1/3 chữ ký bên trái) trước khi phát hành', SignRequest, (ctx, id, b) =>
    digitalSigning.addOrganizationSignature(ctx, deps, id, b),
  );
  act('/issue', 'post', 'issueOutgoingDocument', 'Văn thư cấp số, ngày và phát hành; cơ quan trong tỉnh nhận ngay thành văn bản đến', IssueRequest, (ctx, id, b) => issuing.issueOutgoingDocument(ctx, id, b));
  act('/recall', 'post', 'recallOutgoingDocument', 'Thu hồi văn bản đã phát hành; bản của nơi nhận bị rút lại', NoteRequest, (ctx, id, b) => issuing.recallOutgoing(ctx, id, b.note));

  r.get('/api/documents/:id/files/:fileId/pdf', {
    schema: {
      operationId: 'previewDocumentFileAsPdf',
      summary: 'Tệp của văn bản dưới dạng PDF để xem trước (DOCX được chuyển bằng LibreOffice khi máy chủ có)',
      tags,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      response: { 200: z.unknown().describe('PDF'), ...problems(400, 401, 404, 410, 422, 501) },
    },
    handler: async (req, reply) => {
      const { name, stream } = await documents.documentFileAsPdf(ctxOf(db, req), deps.store, req.params.id, req.params.fileId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('inline', name)).header('cache-control', 'private, no-store').send(stream);
    },
  });

  r.get('/api/documents/:id/files/:fileId/signatures', {
    schema: {
      operationId: 'verifyDocumentFileSignatures',
      summary: 'Kiểm tra chữ ký số của một tệp PDF của văn bản, theo kho tin cậy của tỉnh',
      tags,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      response: { 200: VerificationResponse, ...problems(400, 401, 404, 410) },
    },
    handler: async (req) => {
      const ctx = ctxOf(db, req);
      const { file, stream } = await documents.openDocumentFile(ctx, deps.store, req.params.id, req.params.fileId);
      if (file.mime !== 'application/pdf') {
        stream.destroy();
        throw new DomainError('BAD_REQUEST', 'Chỉ kiểm tra chữ ký số được tệp PDF');
      }
      return verifyPdf(ctx, await readAll(stream));
    },
  });

  r.get('/api/document-registers', {
    schema: { operationId: 'listDocumentRegisters', summary: 'Sổ đăng ký văn bản của cơ quan', tags, response: { 200: z.object({ items: z.array(RegisterResponse) }), ...problems(401, 403) } },
    handler: async (req) => ({ items: await documents.listRegisters(ctxOf(db, req)) }),
  });

  const RegisterParams = z.object({ id: z.uuid() });
  r.post('/api/document-registers', {
    schema: { operationId: 'createDocumentRegister', summary: 'Mở sổ đăng ký (sổ riêng theo loại văn bản, sổ mật)', tags, body: CreateRegisterRequest, response: { 201: RegisterResponse, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => {
      const ctx = ctxOf(db, req);
      const id = await registers.createRegister(ctx, req.body);
      return reply.code(201).send((await documents.listRegisters(ctx)).find((x) => x.id === id)!);
    },
  });
  r.patch('/api/document-registers/:id', {
    schema: { operationId: 'updateDocumentRegister', summary: 'Đổi tên, ngừng dùng sổ', tags, params: RegisterParams, body: UpdateRegisterRequest, response: { 200: RegisterResponse, ...problems(400, 401, 403, 404) } },
    handler: async (req) => {
      const ctx = ctxOf(db, req);
      await registers.updateRegister(ctx, req.params.id, req.body);
      return (await documents.listRegisters(ctx)).find((x) => x.id === req.params.id)!;
    },
  });
  r.get('/api/document-registers/:id/entries', {
    schema: { operationId: 'getRegisterEntries', summary: 'Các dòng của sổ trong kỳ, theo cột Phụ lục IV', tags, params: RegisterParams, querystring: RegisterEntriesQuery, response: { 200: RegisterEntriesResponse, ...problems(400, 401, 403, 404) } },
    handler: (req) => registers.registerEntries(ctxOf(db, req), req.params.id, req.query),
  });
  r.get('/api/document-registers/:id/export', {
    schema: {
      operationId: 'exportRegister',
      summary: 'In, xuất sổ trong kỳ ra Excel hoặc PDF',
      tags,
      params: RegisterParams,
      querystring: ExportRegisterQuery,
      response: { 200: z.unknown().describe('Tệp XLSX hoặc PDF'), ...problems(400, 401, 403, 404) },
    },
    handler: async (req, reply) => {
      const { bytes, name, mime } = await registers.exportRegister(ctxOf(db, req), req.params.id, req.query);
      return reply.header('content-type', mime).header('content-disposition', contentDisposition('attachment', name)).header('cache-control', 'private, no-store').send(bytes);
    },
  });
  r.get('/api/document-registers/:id/closings', {
    schema: { operationId: 'listRegisterClosings', summary: 'Các quyển sổ đã khóa', tags, params: RegisterParams, response: { 200: z.object({ items: z.array(ClosingResponse.extend({ closedAt: z.iso.datetime() })) }), ...problems(401, 403, 404) } },
    handler: async (req) => ({ items: await registers.listClosings(ctxOf(db, req), req.params.id) }),
  });
  r.post('/api/document-registers/:id/closings', {
    schema: { operationId: 'closeRegister', summary: 'Khóa sổ cho một kỳ: in PDF, đánh số quyển, không vào sổ thêm trong kỳ', tags, params: RegisterParams, body: CloseRegisterRequest, response: { 201: ClosingResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => reply.code(201).send(await registers.closeRegister(ctxOf(db, req), deps.store, req.params.id, req.body)),
  });
  r.get('/api/document-registers/:id/closings/:closingId/content', {
    schema: { operationId: 'downloadRegisterClosing', summary: 'Tải bản PDF của quyển sổ đã khóa', tags, params: z.object({ id: z.uuid(), closingId: z.uuid() }), response: { 200: z.unknown().describe('PDF'), ...problems(401, 403, 404, 500) } },
    handler: async (req, reply) => {
      const { file, stream } = await registers.openClosingFile(ctxOf(db, req), deps.store, req.params.id, req.params.closingId);
      return reply.header('content-type', file.mime).header('content-length', String(file.size)).header('content-disposition', contentDisposition('attachment', file.name)).send(stream);
    },
  });

  r.get('/api/document-types', {
    schema: {
      operationId: 'listDocumentTypes',
      summary: 'Loại văn bản, độ khẩn, độ mật (Nghị định 30/2020)',
      tags,
      response: {
        200: z.object({
          types: z.array(z.object({ code: z.string(), name: z.string() })),
          urgencies: z.array(z.object({ code: z.string(), name: z.string() })),
          confidentialities: z.array(z.object({ code: z.string(), name: z.string() })),
        }),
        ...problems(401),
      },
    },
    handler: async () => ({
      types: DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name })),
      urgencies: Object.entries(URGENCY_LABELS).map(([code, name]) => ({ code, name })),
      confidentialities: Object.entries(CONFIDENTIALITY_LABELS).map(([code, name]) => ({ code, name })),
    }),
  });
}
