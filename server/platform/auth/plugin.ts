import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/open.js';
import { DomainError } from '../http/errors.js';
import type { Actor } from './permissions.js';
import { resolveApiToken, resolveSession, type AuthSettings } from './service.js';
import { safeEqual } from './tokens.js';

export const SESSION_COOKIE = 'vps_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** true: the route answers without a logged-in user (login, health, public pages) */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

/**
 * Identifies the caller of every /api request (cookie session or Bearer API token), before the body is
 * read, and enforces CSRF for cookie sessions: an unsafe request must echo the session's token in
 * x-csrf-token. Bearer tokens are not sent by browsers on their own, so they need no CSRF token.
 */
async function authPlugin(app: FastifyInstance, opts: { db: Db; settings: AuthSettings }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(opts.db, authorization.slice(7).trim());
      if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc bị thu hồi');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const resolved = await resolveSession(opts.db, opts.settings, cookie);
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
      } else {
        clearSessionCookie(request, reply);
      }
    }
    // Swagger UI's own routes cannot carry our route config; the API documentation is public.
    const isPublic = request.routeOptions.config.public === true || request.url.startsWith('/api/docs');
    if (request.actor && !isPublic && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new DomainError('CSRF_INVALID');
      }
    }
    if (!request.actor && !isPublic) throw new DomainError('UNAUTHENTICATED');
  });
}

export default fp(authPlugin, { name: 'vps-auth', dependencies: ['@fastify/cookie'] });
