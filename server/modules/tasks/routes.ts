import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import * as lifecycle from './lifecycle.js';
import { UrgeRequest, ConfirmRequest, CreateTaskRequest, ExtensionDecision, ExtensionRequest, ProgressRequest, ReportDoneRequest, ReturnRequest, TaskListQuery, TaskListResponse, TaskParams, TaskResponse } from './schemas.js';
import * as tasks from './service.js';
import { urgeTask } from './urging.js';
import { NO_EMAIL, type MailSettings } from '../../platform/notify/index.js';

export function taskRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; mail?: MailSettings | undefined }) {
  const r = typed(app);
  const tags = ['Nhiệm vụ'];
  const { db } = deps;
  const step = { tags, params: TaskParams, response: { 200: TaskResponse, ...problems(400, 401, 403, 404, 409) } };

  r.post('/api/tasks', {
    schema: { operationId: 'createTask', summary: 'Giao nhiệm vụ: một cơ quan chủ trì, phối hợp, hạn (ngày hoặc số ngày làm việc), nguồn giao', tags, body: CreateTaskRequest, response: { 201: TaskResponse, ...problems(400, 401, 403) } },
    handler: async (req, reply) => reply.code(201).send(await tasks.createTask(ctxOf(db, req), req.body)),
  });

  r.get('/api/tasks', {
    schema: { operationId: 'listTasks', summary: 'Danh sách nhiệm vụ: của tôi, tôi giao, của cơ quan, quá hạn; lọc theo tình trạng và từ khóa', tags, querystring: TaskListQuery, response: { 200: TaskListResponse, ...problems(400, 401) } },
    handler: (req) => tasks.listTasks(ctxOf(db, req), req.query),
  });

  r.get('/api/tasks/:id', {
    schema: { operationId: 'getTask', summary: 'Chi tiết nhiệm vụ: thông tin, tiến độ, gia hạn, diễn biến, thao tác được làm', tags, params: TaskParams, response: { 200: TaskResponse, ...problems(401, 404) } },
    handler: (req) => tasks.getTask(ctxOf(db, req), req.params.id),
  });

  r.get('/api/tasks/:id/files/:fileId/content', {
    schema: {
      operationId: 'downloadTaskFile',
      summary: 'Tải tệp kèm báo cáo của nhiệm vụ (đã kiểm tra SHA-256)',
      tags,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      response: { 200: z.unknown().describe('Nội dung tệp'), ...problems(401, 404, 500) },
    },
    handler: async (req, reply) => {
      const { file, stream } = await tasks.openTaskFile(ctxOf(db, req), deps.store, req.params.id, req.params.fileId);
      return reply.header('content-type', file.mime).header('content-length', String(file.size)).header('content-disposition', contentDisposition('attachment', file.name)).header('cache-control', 'private, no-store').send(stream);
    },
  });

  r.post('/api/tasks/:id/accept', {
    schema: { operationId: 'acceptTask', summary: 'Tiếp nhận nhiệm vụ (lãnh đạo, văn thư của cơ quan chủ trì hoặc người được giao)', ...step },
    handler: async (req) => {
      await lifecycle.acceptTask(ctxOf(db, req), req.params.id);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/progress', {
    schema: { operationId: 'reportTaskProgress', summary: 'Báo cáo tiến độ (%, nội dung, tệp); cơ quan phối hợp gửi ý kiến phối hợp', ...step, body: ProgressRequest },
    handler: async (req) => {
      await lifecycle.reportTaskProgress(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/done', {
    schema: { operationId: 'reportTaskDone', summary: 'Báo cáo hoàn thành nhiệm vụ', ...step, body: ReportDoneRequest },
    handler: async (req) => {
      await lifecycle.reportTaskDone(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/confirm', {
    schema: { operationId: 'confirmTaskDone', summary: 'Người giao xác nhận hoàn thành (đúng hạn hay quá hạn tính theo ngày báo cáo)', ...step, body: ConfirmRequest },
    handler: async (req) => {
      await lifecycle.confirmTaskDone(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/return', {
    schema: { operationId: 'returnTask', summary: 'Người giao trả lại báo cáo hoàn thành, nêu lý do (nhiệm vụ tiếp tục thực hiện)', ...step, body: ReturnRequest },
    handler: async (req) => {
      await lifecycle.returnTask(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/extensions', {
    schema: { operationId: 'requestTaskExtension', summary: 'Xin gia hạn: hạn đề nghị và lý do (mỗi lúc một đề nghị)', ...step, body: ExtensionRequest },
    handler: async (req) => {
      await lifecycle.requestTaskExtension(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/extensions/decision', {
    schema: { operationId: 'decideTaskExtension', summary: 'Người giao đồng ý hoặc không đồng ý (nêu lý do) đề nghị gia hạn đang chờ', ...step, body: ExtensionDecision },
    handler: async (req) => {
      await lifecycle.decideTaskExtension(ctxOf(db, req), req.params.id, req.body);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });

  r.post('/api/tasks/:id/urge', {
    schema: { operationId: 'urgeTask', summary: 'Lãnh đạo đã giao đôn đốc nhiệm vụ chưa hoàn thành, kèm nội dung; người, cơ quan chủ trì nhận thông báo', ...step, body: UrgeRequest },
    handler: async (req) => {
      await urgeTask(ctxOf(db, req), req.params.id, req.body, deps.mail ?? NO_EMAIL);
      return tasks.getTask(ctxOf(db, req), req.params.id);
    },
  });
}
