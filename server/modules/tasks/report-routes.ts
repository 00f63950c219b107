import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { DomainError } from '../../platform/http/errors.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { readAll } from '../signing/index.js';
import { createTasksBulk } from './bulk.js';
import { importTasks, taskImportTemplate } from './import-excel.js';
import { BulkCreateRequest, BulkCreateResponse, ImportQuery, ImportResponse, MAX_IMPORT_BYTES, ScoreboardQuery, ScoreboardResponse, ScoreboardTasksQuery } from './report-schemas.js';
import { getTaskScoreboard, listScoreboardTasks, scoreboardXlsx } from './scoreboard.js';
import { TaskListResponse } from './schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The scoreboard, its Excel export, and giving many tasks at once (a conclusion notice, an Excel sheet). */
export function taskReportRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = typed(app);
  const tags = ['Nhiệm vụ'];
  const { db } = deps;

  r.get('/api/tasks/scoreboard', {
    schema: {
      operationId: 'getTaskScoreboard',
      summary: 'Bảng theo dõi kết quả thực hiện nhiệm vụ theo cơ quan chủ trì (sở, ngành / xã, phường, đặc khu) trong kỳ',
      description: 'Người có quyền giao nhiệm vụ xem cả tỉnh; người khác chỉ xem dòng của cơ quan mình. Tình trạng tính tại ngày asOf theo cùng quy tắc với tình trạng nhiệm vụ.',
      tags,
      querystring: ScoreboardQuery,
      response: { 200: ScoreboardResponse, ...problems(400, 401) },
    },
    handler: (req) => getTaskScoreboard(ctxOf(db, req), req.query),
  });

  r.get('/api/tasks/scoreboard/tasks', {
    schema: {
      operationId: 'listScoreboardTasks',
      summary: 'Các nhiệm vụ sau một con số của bảng theo dõi: một cơ quan chủ trì, một cột, trong kỳ',
      tags,
      querystring: ScoreboardTasksQuery,
      response: { 200: TaskListResponse, ...problems(400, 401, 403) },
    },
    handler: (req) => listScoreboardTasks(ctxOf(db, req), req.query),
  });

  r.get('/api/tasks/scoreboard.xlsx', {
    schema: {
      operationId: 'exportTaskScoreboard',
      summary: 'Xuất bảng theo dõi kết quả thực hiện nhiệm vụ ra Excel (.xlsx)',
      tags,
      querystring: ScoreboardQuery,
      response: { 200: z.unknown().describe('Tệp Excel'), ...problems(400, 401) },
    },
    handler: async (req, reply) => {
      const board = await getTaskScoreboard(ctxOf(db, req), req.query);
      const bytes = await scoreboardXlsx(board);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('attachment', `bang-theo-doi-nhiem-vu-${board.from}-${board.to}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  });

  r.post('/api/tasks/bulk', {
    schema: {
      operationId: 'createTasksBulk',
      summary: 'Giao một lần các nhiệm vụ của một thông báo kết luận (cùng nguồn giao): mục sai thì không tạo nhiệm vụ nào',
      description: 'Mọi mục được kiểm tra trước; lỗi chỉ rõ mục ở đường dẫn items.<thứ tự>.<trường>. Các nhiệm vụ được tạo trong một giao dịch.',
      tags,
      body: BulkCreateRequest,
      response: { 201: BulkCreateResponse, ...problems(400, 401, 403) },
    },
    handler: async (req, reply) => reply.code(201).send(await createTasksBulk(ctxOf(db, req), req.body)),
  });

  r.get('/api/tasks/import-template.xlsx', {
    schema: {
      operationId: 'downloadTaskImportTemplate',
      summary: 'Tải mẫu Excel nhập nhiệm vụ (kèm trang danh mục cơ quan)',
      tags,
      response: { 200: z.unknown().describe('Tệp Excel'), ...problems(401) },
    },
    handler: async (req, reply) => {
      const bytes = await taskImportTemplate(ctxOf(db, req));
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('attachment', 'mau-nhap-nhiem-vu.xlsx')).header('cache-control', 'private, no-store').send(bytes);
    },
  });

  r.post('/api/tasks/import', {
    schema: {
      operationId: 'importTasks',
      summary: 'Nhập nhiệm vụ từ tệp Excel theo mẫu (multipart/form-data, trường "file"), cùng một nguồn giao',
      description:
        'dryRun=true (mặc định): chỉ kiểm tra, trả về từng dòng và lý do bị từ chối. dryRun=false: tạo tất cả trong một giao dịch nếu không có dòng nào bị từ chối (201); còn dòng bị từ chối thì không tạo gì (200, createdIds rỗng). Tối đa 1.000 dòng, 5 MB.',
      tags,
      consumes: ['multipart/form-data'],
      querystring: ImportQuery,
      response: { 200: ImportResponse, 201: ImportResponse, ...problems(400, 401, 403, 413, 415) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(db, req);
      // before the upload is read: who may not give tasks learns it at once
      requirePermission(ctx.actor, 'task.assign');
      if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp Excel dạng multipart/form-data, trường "file"');
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } });
      if (!part) throw new DomainError('FILE_MISSING');
      const bytes = await readAll(part.file);
      if (part.file.truncated || bytes.length > MAX_IMPORT_BYTES) throw new DomainError('FILE_TOO_LARGE', 'Tệp nhập nhiệm vụ tối đa 5 MB');
      const result = await importTasks(ctx, bytes, req.query);
      return reply.code(result.createdIds.length > 0 ? 201 : 200).send(result);
    },
  });
}
