import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { CreateDelegationRequest, DelegationListQuery, DelegationListResponse, DelegationOutcomeRequest, DelegationParams, DelegationResponse, DelegationTaskRequest, UpdateDelegationRequest } from './delegation-schemas.js';
import * as delegations from './delegation-service.js';

export function delegationRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = typed(app);
  const tags = ['Đoàn công tác'];
  const { db } = deps;

  r.post('/api/delegations', {
    schema: { operationId: 'createDelegation', summary: 'Nhập đoàn công tác đến làm việc (Trung ương, nước ngoài, tỉnh khác): thành phần, ngày, nội dung, lãnh đạo tiếp', tags, body: CreateDelegationRequest, response: { 201: DelegationResponse, ...problems(400, 401, 403) } },
    handler: async (req, reply) => reply.code(201).send(await delegations.createDelegation(ctxOf(db, req), req.body)),
  });

  r.get('/api/delegations', {
    schema: { operationId: 'listDelegations', summary: 'Danh sách đoàn công tác theo thời gian, loại đoàn, từ khóa', tags, querystring: DelegationListQuery, response: { 200: DelegationListResponse, ...problems(400, 401) } },
    handler: (req) => delegations.listDelegations(ctxOf(db, req), req.query),
  });

  r.get('/api/delegations/:id', {
    schema: { operationId: 'getDelegation', summary: 'Chi tiết đoàn công tác và các nhiệm vụ giao sau buổi làm việc', tags, params: DelegationParams, response: { 200: DelegationResponse, ...problems(401, 404) } },
    handler: (req) => delegations.getDelegation(ctxOf(db, req), req.params.id),
  });

  r.patch('/api/delegations/:id', {
    schema: { operationId: 'updateDelegation', summary: 'Sửa thông tin đoàn công tác (khi đoàn chưa đến)', tags, params: DelegationParams, body: UpdateDelegationRequest, response: { 200: DelegationResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => delegations.updateDelegation(ctxOf(db, req), req.params.id, req.body),
  });

  r.post('/api/delegations/:id/outcome', {
    schema: { operationId: 'recordDelegationOutcome', summary: 'Ghi kết quả làm việc với đoàn, hoặc đoàn hoãn, hủy (có lý do)', tags, params: DelegationParams, body: DelegationOutcomeRequest, response: { 200: DelegationResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => delegations.recordDelegationOutcome(ctxOf(db, req), req.params.id, req.body),
  });

  r.post('/api/delegations/:id/tasks', {
    schema: {
      operationId: 'createDelegationTask',
      summary: 'Giao nhiệm vụ sau buổi làm việc với đoàn (nguồn: "Làm việc với … ngày …")',
      tags,
      params: DelegationParams,
      body: DelegationTaskRequest,
      response: { 201: z.object({ taskId: z.uuid(), delegation: DelegationResponse }), ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.code(201).send(await delegations.createDelegationTask(ctxOf(db, req), req.params.id, req.body)),
  });
}
