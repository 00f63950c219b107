import { z } from 'zod';
import { ROLES } from '../../platform/auth/permissions.js';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import {
  AgencyListResponse,
  AgencyResponse,
  CreateAgencyRequest,
  CreatePositionRequest,
  CreateUnitRequest,
  CreateUserRequest,
  IdParams,
  ListAgenciesQuery,
  ListUnitsQuery,
  ListUsersQuery,
  OkResponse,
  PositionListResponse,
  PositionResponse,
  ResetPasswordRequest,
  UnitListResponse,
  UnitResponse,
  UpdateAgencyRequest,
  UpdatePositionRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserListResponse,
  UserResponse,
} from './schemas.js';
import * as org from './service.js';

const ok = { ok: true as const };

export function orgRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = typed(app);
  const tags = ['Tổ chức'];
  const read = problems(400, 401, 403);
  const write = problems(400, 401, 403, 404, 409);

  r.get('/api/agencies', {
    schema: { operationId: 'listAgencies', summary: 'Danh sách cơ quan', tags, querystring: ListAgenciesQuery, response: { 200: AgencyListResponse, ...read } },
    handler: (req) => org.listAgencies(ctxOf(db, req), req.query),
  });
  r.get('/api/agencies/:id', {
    schema: { operationId: 'getAgency', summary: 'Chi tiết cơ quan', tags, params: IdParams, response: { 200: AgencyResponse, ...problems(401, 403, 404) } },
    handler: (req) => org.getAgency(ctxOf(db, req), req.params.id),
  });
  r.post('/api/agencies', {
    schema: { operationId: 'createAgency', summary: 'Thêm cơ quan', tags, body: CreateAgencyRequest, response: { 201: AgencyResponse, ...write } },
    handler: async (req, reply) => reply.code(201).send(await org.createAgency(ctxOf(db, req), req.body)),
  });
  r.patch('/api/agencies/:id', {
    schema: { operationId: 'updateAgency', summary: 'Sửa cơ quan (đặt active=false để ngừng hoạt động)', tags, params: IdParams, body: UpdateAgencyRequest, response: { 200: AgencyResponse, ...write } },
    handler: (req) => org.updateAgency(ctxOf(db, req), req.params.id, req.body),
  });
  r.delete('/api/agencies/:id', {
    schema: { operationId: 'deleteAgency', summary: 'Xóa cơ quan chưa có đơn vị, cơ quan cấp dưới', tags, params: IdParams, response: { 200: OkResponse, ...write } },
    handler: async (req) => {
      await org.deleteAgency(ctxOf(db, req), req.params.id);
      return ok;
    },
  });

  r.get('/api/units', {
    schema: { operationId: 'listUnits', summary: 'Danh sách đơn vị (phòng)', tags, querystring: ListUnitsQuery, response: { 200: UnitListResponse, ...read } },
    handler: (req) => org.listUnits(ctxOf(db, req), req.query),
  });
  r.post('/api/units', {
    schema: { operationId: 'createUnit', summary: 'Thêm đơn vị', tags, body: CreateUnitRequest, response: { 201: UnitResponse, ...write } },
    handler: async (req, reply) => reply.code(201).send(await org.createUnit(ctxOf(db, req), req.body)),
  });
  r.patch('/api/units/:id', {
    schema: { operationId: 'updateUnit', summary: 'Sửa đơn vị', tags, params: IdParams, body: UpdateUnitRequest, response: { 200: UnitResponse, ...write } },
    handler: (req) => org.updateUnit(ctxOf(db, req), req.params.id, req.body),
  });
  r.delete('/api/units/:id', {
    schema: { operationId: 'deleteUnit', summary: 'Xóa đơn vị chưa có người dùng', tags, params: IdParams, response: { 200: OkResponse, ...write } },
    handler: async (req) => {
      await org.deleteUnit(ctxOf(db, req), req.params.id);
      return ok;
    },
  });

  r.get('/api/positions', {
    schema: { operationId: 'listPositions', summary: 'Danh sách chức vụ', tags, response: { 200: PositionListResponse, ...read } },
    handler: async (req) => ({ items: await org.listPositions(ctxOf(db, req)) }),
  });
  r.post('/api/positions', {
    schema: { operationId: 'createPosition', summary: 'Thêm chức vụ', tags, body: CreatePositionRequest, response: { 201: PositionResponse, ...write } },
    handler: async (req, reply) => reply.code(201).send(await org.createPosition(ctxOf(db, req), req.body)),
  });

  r.patch('/api/positions/:id', {
    schema: { operationId: 'updatePosition', summary: 'Sửa chức vụ', tags, params: IdParams, body: UpdatePositionRequest, response: { 200: PositionResponse, ...write } },
    handler: (req) => org.updatePosition(ctxOf(db, req), req.params.id, req.body),
  });
  r.delete('/api/positions/:id', {
    schema: { operationId: 'deletePosition', summary: 'Xóa chức vụ chưa gán cho ai', tags, params: IdParams, response: { 200: OkResponse, ...write } },
    handler: async (req) => {
      await org.deletePosition(ctxOf(db, req), req.params.id);
      return ok;
    },
  });

  r.get('/api/users', {
    schema: { operationId: 'listUsers', summary: 'Danh sách người dùng trong phạm vi được xem', tags, querystring: ListUsersQuery, response: { 200: UserListResponse, ...read } },
    handler: (req) => org.listUsers(ctxOf(db, req), req.query),
  });
  r.get('/api/people', {
    schema: {
      operationId: 'searchPeople',
      summary: 'Danh bạ cán bộ trong tỉnh (tên, chức vụ, đơn vị) để chọn người xem xét, người ký, người xử lý',
      tags,
      querystring: z.object({
        q: z.string().trim().max(100).optional().describe('Tên, không phân biệt dấu'),
        agencyId: z.uuid().optional(),
        unitId: z.uuid().optional(),
        role: z.enum(ROLES).optional().describe('Chỉ những người có vai trò này (ví dụ leader: lãnh đạo để trình)'),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.uuid(), fullName: z.string(), positionName: z.string().nullable(), unitId: z.uuid(), unitName: z.string(), agencyId: z.uuid(), agencyName: z.string() })),
        }),
        ...problems(400, 401),
      },
    },
    handler: async (req) => ({ items: await org.searchPeople(ctxOf(db, req), req.query) }),
  });
  r.get('/api/users/:id', {
    schema: { operationId: 'getUser', summary: 'Chi tiết người dùng', tags, params: IdParams, response: { 200: UserResponse, ...problems(401, 403, 404) } },
    handler: (req) => org.getUser(ctxOf(db, req), req.params.id),
  });
  r.post('/api/users', {
    schema: { operationId: 'createUser', summary: 'Thêm người dùng', tags, body: CreateUserRequest, response: { 201: UserResponse, ...write } },
    handler: async (req, reply) => reply.code(201).send(await org.createUser(ctxOf(db, req), req.body)),
  });
  r.patch('/api/users/:id', {
    schema: { operationId: 'updateUser', summary: 'Sửa người dùng', tags, params: IdParams, body: UpdateUserRequest, response: { 200: UserResponse, ...write } },
    handler: (req) => org.updateUser(ctxOf(db, req), req.params.id, req.body),
  });
  r.post('/api/users/:id/deactivate', {
    schema: { operationId: 'deactivateUser', summary: 'Ngừng kích hoạt người dùng (giữ lịch sử)', tags, params: IdParams, response: { 200: UserResponse, ...write } },
    handler: (req) => org.setUserActive(ctxOf(db, req), req.params.id, false),
  });
  r.post('/api/users/:id/activate', {
    schema: { operationId: 'activateUser', summary: 'Kích hoạt lại người dùng', tags, params: IdParams, response: { 200: UserResponse, ...write } },
    handler: (req) => org.setUserActive(ctxOf(db, req), req.params.id, true),
  });
  r.post('/api/users/:id/password', {
    schema: { operationId: 'resetUserPassword', summary: 'Đặt lại mật khẩu người dùng', tags, params: IdParams, body: ResetPasswordRequest, response: { 200: OkResponse, ...write } },
    handler: async (req) => {
      await org.resetUserPassword(ctxOf(db, req), req.params.id, req.body.password);
      return ok;
    },
  });
  r.delete('/api/users/:id', {
    schema: { operationId: 'deleteUser', summary: 'Xóa người dùng chưa từng đăng nhập (người có lịch sử chỉ được ngừng kích hoạt)', tags, params: IdParams, response: { 200: OkResponse, ...write } },
    handler: async (req) => {
      await org.deleteUser(ctxOf(db, req), req.params.id);
      return ok;
    },
  });
}
