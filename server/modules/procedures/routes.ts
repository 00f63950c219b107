import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { exportProcedures, getProcedureImport, procedureImportTemplate, startImport } from './imports.js';
import { getPublicProcedure, listPublicProcedures, openProcedureTemplate } from './public.js';
import {
  CreateProcedureRequest,
  ExportQuery,
  FieldsResponse,
  ImportAccepted,
  ImportParams,
  ImportResponse,
  ListProceduresQuery,
  ProcedureListResponse,
  ProcedureParams,
  ProcedureResponse,
  PublicListParams,
  PublicListQuery,
  PublicListResponse,
  PublicProcedureParams,
  PublicProcedureResponse,
  PublicTemplateParams,
  UpdateProcedureRequest,
} from './schemas.js';
import * as procedures from './service.js';
import { MAX_IMPORT_BYTES } from './spreadsheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Public pages are read by anyone, so they are rate-limited per address like the login. */
const PUBLIC_RATE = { max: 300, timeWindow: '1 minute' };

/** The procedure catalog: officers' and administrators' API and the public catalog (no login). */
export function procedureRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  const r = typed(app);
  const tags = ['Thủ tục hành chính'];
  const { db, store } = deps;

  r.get('/api/procedures', {
    schema: { operationId: 'listProcedures', summary: 'Danh mục thủ tục hành chính: tìm theo mã, tên (không phân biệt dấu), lọc theo cấp, lĩnh vực, cơ quan', tags, querystring: ListProceduresQuery, response: { 200: ProcedureListResponse, ...problems(400, 401) } },
    handler: (req) => procedures.listProcedures(ctxOf(db, req), req.query),
  });

  r.get('/api/procedures/fields', {
    schema: { operationId: 'listProcedureFields', summary: 'Các lĩnh vực của danh mục thủ tục đang áp dụng, kèm số thủ tục', tags, response: { 200: FieldsResponse, ...problems(401) } },
    handler: (req) => procedures.listProcedureFields(ctxOf(db, req)),
  });

  r.get('/api/procedures/export', {
    schema: { operationId: 'exportProcedures', summary: 'Xuất danh mục thủ tục (xlsx hoặc csv) theo mẫu nhập, đủ mọi trường', tags, querystring: ExportQuery, response: { 200: z.unknown().describe('Tệp Excel hoặc CSV'), ...problems(400, 401, 403) } },
    handler: async (req, reply) => {
      const bytes = await exportProcedures(ctxOf(db, req), req.query);
      const csv = req.query.format === 'csv';
      return reply
        .header('content-type', csv ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', contentDisposition('attachment', `danh-muc-thu-tuc.${req.query.format}`))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  });

  r.get('/api/procedures/import-template', {
    schema: { operationId: 'downloadProcedureImportTemplate', summary: 'Tải mẫu Excel nhập danh mục thủ tục (kèm hướng dẫn từng cột)', tags, response: { 200: z.unknown().describe('Tệp Excel'), ...problems(401, 403) } },
    handler: async (req, reply) => {
      const bytes = await procedureImportTemplate(ctxOf(db, req));
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', 'mau-nhap-thu-tuc.xlsx')).header('cache-control', 'private, no-store').send(bytes);
    },
  });

  r.post('/api/procedures/imports', {
    schema: {
      operationId: 'importProcedures',
      summary: 'Nhập danh mục thủ tục từ tệp xlsx/csv (multipart, trường "file"); chạy nền, theo dõi tiến độ bằng getProcedureImport',
      description: 'Cập nhật theo mã thủ tục (có thì sửa, chưa có thì thêm). Dòng sai được báo cáo (số dòng, mã, lý do) và không làm thay đổi gì. Tối đa 5.000 dòng, 20 MB.',
      tags,
      consumes: ['multipart/form-data'],
      response: { 202: ImportAccepted, ...problems(400, 401, 403, 413, 415) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(db, req);
      // before the upload is read: who may not keep the catalog learns it at once
      requirePermission(ctx.actor, 'procedure.manage');
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp dạng multipart/form-data, trường "file"');
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } });
      if (!part) throw new DomainError('FILE_MISSING');
      const bytes = await part.toBuffer().catch(() => {
        throw new DomainError('FILE_TOO_LARGE', 'Tệp nhập danh mục thủ tục tối đa 20 MB');
      });
      if (part.file.truncated || bytes.length > MAX_IMPORT_BYTES) throw new DomainError('FILE_TOO_LARGE', 'Tệp nhập danh mục thủ tục tối đa 20 MB');
      if (bytes.length === 0) throw new DomainError('FILE_EMPTY');
      const { importId, run } = await startImport({ db, actor: ctx.actor, ip: ctx.ip }, { name: part.filename || 'thu-tuc.xlsx', bytes });
      // the rows are processed after the answer; the import row carries the progress and the outcome
      setImmediate(() => void run().catch((err: unknown) => req.log.error({ err }, 'procedure import failed')));
      return reply.code(202).send({ importId });
    },
  });

  r.get('/api/procedures/imports/:id', {
    schema: { operationId: 'getProcedureImport', summary: 'Tiến độ và kết quả một lần nhập danh mục thủ tục (các dòng bị từ chối và lý do)', tags, params: ImportParams, response: { 200: ImportResponse, ...problems(401, 403, 404) } },
    handler: (req) => getProcedureImport(ctxOf(db, req), req.params.id),
  });

  r.get('/api/procedures/:id', {
    schema: { operationId: 'getProcedure', summary: 'Chi tiết thủ tục: thành phần hồ sơ, phí, lệ phí, quy trình nội bộ', tags, params: ProcedureParams, response: { 200: ProcedureResponse, ...problems(401, 404) } },
    handler: (req) => procedures.getProcedure(ctxOf(db, req), req.params.id),
  });

  r.post('/api/procedures', {
    schema: { operationId: 'createProcedure', summary: 'Thêm thủ tục vào danh mục (tổng thời gian các bước phải bằng thời hạn giải quyết)', tags, body: CreateProcedureRequest, response: { 201: ProcedureResponse, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await procedures.createProcedure(ctxOf(db, req), req.body)),
  });

  r.patch('/api/procedures/:id', {
    schema: { operationId: 'updateProcedure', summary: 'Sửa thủ tục; thành phần hồ sơ và quy trình nội bộ gửi lên thay toàn bộ danh sách cũ', tags, params: ProcedureParams, body: UpdateProcedureRequest, response: { 200: ProcedureResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => procedures.updateProcedure(ctxOf(db, req), req.params.id, req.body),
  });

  r.get('/api/public/procedures/:tenantCode', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: { operationId: 'listPublicProcedures', summary: 'Danh mục thủ tục hành chính công khai (không cần đăng nhập)', tags, params: PublicListParams, querystring: PublicListQuery, response: { 200: PublicListResponse, ...problems(400, 404, 429) } },
    handler: (req) => listPublicProcedures({ db, ip: req.ip }, req.params.tenantCode, req.query),
  });

  r.get('/api/public/procedures/:tenantCode/:id', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: { operationId: 'getPublicProcedure', summary: 'Chi tiết thủ tục công khai: thành phần hồ sơ, phí, lệ phí, thời hạn, mẫu đơn', tags, params: PublicProcedureParams, response: { 200: PublicProcedureResponse, ...problems(400, 404, 429) } },
    handler: (req) => getPublicProcedure({ db, ip: req.ip }, req.params.tenantCode, req.params.id),
  });

  r.get('/api/public/procedures/:tenantCode/:id/templates/:componentId', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: { operationId: 'downloadProcedureTemplate', summary: 'Tải mẫu đơn, tờ khai của một thành phần hồ sơ (công khai)', tags, params: PublicTemplateParams, response: { 200: z.unknown().describe('Tệp mẫu đơn'), ...problems(400, 404, 429, 500) } },
    handler: async (req, reply) => {
      const { file, stream } = await openProcedureTemplate({ db, ip: req.ip }, store, req.params.tenantCode, req.params.id, req.params.componentId);
      return reply
        .header('content-type', file.mime)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition('attachment', file.name))
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'public, max-age=300')
        .send(stream);
    },
  });
}
