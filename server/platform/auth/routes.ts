import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../http/route.js';
import { clearSessionCookie, setSessionCookie } from './plugin.js';
import {
  ApiTokenListResponse,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiTokenResponse,
  LoginRequest,
  LogoutEverywhereResponse,
  SessionResponse,
} from './schemas.js';
import * as auth from './service.js';

const tags = ['Tài khoản'];
const Ok = z.object({ ok: z.literal(true) });

export function authRoutes(app: FastifyInstance, deps: { db: Db; settings: auth.AuthSettings; loginRateLimit: number }) {
  const r = typed(app);
  const { db, settings } = deps;

  r.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      operationId: 'login',
      summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
      description: 'Đặt cookie phiên (HttpOnly, SameSite=Lax) và trả về mã CSRF phải gửi lại trong header x-csrf-token.',
      tags,
      body: LoginRequest,
      response: { 200: SessionResponse, ...problems(400, 401, 403, 423, 429) },
    },
    handler: async (request, reply) => {
      const result = await auth.login({ db, ip: request.ip, userAgent: request.headers['user-agent'] }, settings, request.body);
      setSessionCookie(request, reply, result.cookieValue, result.expiresAt);
      const user = await auth.getCurrentUser({ db, actor: result.actor, ip: request.ip });
      return { user, csrfToken: result.csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    schema: { operationId: 'logout', summary: 'Đăng xuất phiên hiện tại', tags, response: { 200: Ok, ...problems(401, 403) } },
    handler: async (request, reply) => {
      await auth.logout(ctxOf(db, request));
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  });

  r.post('/api/auth/logout-all', {
    schema: { operationId: 'logoutEverywhere', summary: 'Đăng xuất khỏi mọi thiết bị', tags, response: { 200: LogoutEverywhereResponse, ...problems(401, 403) } },
    handler: async (request, reply) => {
      const revokedSessions = await auth.logoutEverywhere(ctxOf(db, request));
      clearSessionCookie(request, reply);
      return { revokedSessions };
    },
  });

  r.get('/api/auth/me', {
    schema: { operationId: 'getCurrentUser', summary: 'Người dùng đang đăng nhập', tags, response: { 200: SessionResponse, ...problems(401) } },
    handler: async (request) => ({ user: await auth.getCurrentUser(ctxOf(db, request)), csrfToken: request.csrfToken }),
  });

  r.post('/api/auth/password', {
    config: { rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      operationId: 'changePassword',
      summary: 'Đổi mật khẩu (kết thúc mọi phiên đăng nhập)',
      tags,
      body: ChangePasswordRequest,
      response: { 200: Ok, ...problems(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      await auth.changePassword(ctxOf(db, request), request.body);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/tokens', {
    schema: { operationId: 'listApiTokens', summary: 'Mã truy cập API của tôi', tags, response: { 200: ApiTokenListResponse, ...problems(401, 403) } },
    handler: async (request) => ({ items: await auth.listApiTokens(ctxOf(db, request)) }),
  });

  r.post('/api/auth/tokens', {
    schema: {
      operationId: 'createApiToken',
      summary: 'Tạo mã truy cập API cho hệ thống tích hợp',
      tags,
      body: CreateApiTokenRequest,
      response: { 201: CreatedApiTokenResponse, ...problems(400, 401, 403) },
    },
    handler: async (request, reply) => reply.code(201).send(await auth.createApiToken(ctxOf(db, request), request.body)),
  });

  r.delete('/api/auth/tokens/:id', {
    schema: { operationId: 'revokeApiToken', summary: 'Thu hồi mã truy cập API', tags, params: z.object({ id: z.uuid() }), response: { 200: Ok, ...problems(401, 403, 404) } },
    handler: async (request) => {
      await auth.revokeApiToken(ctxOf(db, request), request.params.id);
      return { ok: true as const };
    },
  });
}
