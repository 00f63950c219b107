import type { Db } from '../../db/open.js';
import { newId } from '../../db/columns.js';
import { findLoginUser, loadActorUser, loadAuthUser, loadSessionActor, type ActorUser } from '../../modules/org/index.js';
import { audit, recordAudit } from '../audit/service.js';
import type { AnonymousContext, ServiceContext } from '../context.js';
import { DomainError } from '../http/errors.js';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { permissionsOf, requirePermission, type Actor } from './permissions.js';
import * as repo from './repo.js';
import type { CurrentUser } from './schemas.js';
import { API_TOKEN_PREFIX, apiTokenHash, randomToken, sessionIdFor } from './tokens.js';

export interface AuthSettings {
  secret: string;
  sessionTtlMs: number;
  maxFailures: number;
  lockMs: number;
}

const toActor = (u: ActorUser, via: Actor['via'], sessionId?: string): Actor => ({
  userId: u.id,
  tenantId: u.tenantId,
  agencyId: u.agencyId,
  unitId: u.unitId,
  username: u.username,
  fullName: u.fullName,
  roles: u.roles,
  via,
  ...(sessionId ? { sessionId } : {}),
});

export interface LoginResult {
  actor: Actor;
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Username + password → a new server-side session. Failures are counted per account and lock it for a
 * while (ASVS 2.2.1); the counting commits even though the login itself fails.
 */
export async function login(
  ctx: AnonymousContext & { userAgent?: string | undefined },
  settings: AuthSettings,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const now = new Date();
  const user = await findLoginUser(ctx.db, input.username);
  const cred = user ? await repo.getCredentials(ctx.db, user.id) : null;
  if (!user || !cred) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const auditBase = { tenantId: user.tenantId, actorId: user.id, actorName: user.fullName, entityType: 'user', entityId: user.id, ip: ctx.ip ?? null };
  if (cred.lockedUntil && cred.lockedUntil > now) {
    await ctx.db.transaction((tx) => recordAudit(tx, { ...auditBase, action: 'auth.login_blocked', summary: 'Đăng nhập khi tài khoản đang bị khóa tạm thời' }));
    throw lockedError(cred.lockedUntil, now);
  }
  if (!(await verifyPassword(cred.passwordHash, input.password))) {
    const lockedUntil = await ctx.db.transaction(async (tx) => {
      const row = await repo.recordFailure(tx, user.id, settings.maxFailures, new Date(now.getTime() + settings.lockMs));
      const locked = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
      await recordAudit(tx, {
        ...auditBase,
        action: locked ? 'auth.account_locked' : 'auth.login_failed',
        summary: locked ? 'Tài khoản bị khóa tạm thời sau nhiều lần đăng nhập sai' : 'Đăng nhập sai mật khẩu',
      });
      return locked;
    });
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (!user.active) throw new DomainError('ACCOUNT_DISABLED');

  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const sessionId = sessionIdFor(settings.secret, cookieValue);
  const expiresAt = new Date(now.getTime() + settings.sessionTtlMs);
  await ctx.db.transaction(async (tx) => {
    await repo.recordSuccess(tx, user.id, now);
    await repo.insertSession(tx, {
      id: sessionId,
      tenantId: user.tenantId,
      userId: user.id,
      csrfToken,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    await recordAudit(tx, { ...auditBase, action: 'auth.login', summary: 'Đăng nhập' });
  });
  return { actor: toActor(user, 'session', sessionId), cookieValue, csrfToken, expiresAt };
}

function lockedError(until: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new DomainError('ACCOUNT_LOCKED', `Tài khoản tạm thời bị khóa, thử lại sau ${minutes} phút`, {
    extra: { retryAfterSeconds: minutes * 60 },
  });
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Cookie value → the acting user, or null when the session is unknown, expired, revoked or the user inactive. */
export async function resolveSession(db: Db, settings: AuthSettings, cookieValue: string): Promise<ResolvedSession | null> {
  const now = new Date();
  const id = sessionIdFor(settings.secret, cookieValue);
  const session = await loadSessionActor(db, id, now);
  if (!session) return null;
  const { user } = session;
  if (!user.active) return null;
  // Sliding expiry, written at most once a minute so reads stay reads.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, id, now, new Date(now.getTime() + settings.sessionTtlMs));
  }
  return { actor: toActor(user, 'session', id), csrfToken: session.csrfToken };
}

export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = new Date();
  const row = await repo.getLiveApiToken(db, apiTokenHash(token), now);
  if (!row) return null;
  const user = await loadActorUser(db, row.userId);
  if (!user || !user.active) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await repo.touchApiToken(db, row.id, now);
  return toActor(user, 'token');
}

export async function logout(ctx: ServiceContext): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) return;
  await ctx.db.transaction(async (tx) => {
    await repo.revokeSession(tx, sessionId, new Date());
    await audit(ctx, tx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, summary: 'Đăng xuất' });
  });
}

/** Revokes every session of the user, this one included (ASVS 3.3.3). */
export async function logoutEverywhere(ctx: ServiceContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const n = await repo.revokeUserSessions(tx, ctx.actor.userId, new Date());
    await audit(ctx, tx, { action: 'auth.logout_all', entityType: 'user', entityId: ctx.actor.userId, summary: `Đăng xuất khỏi ${n} phiên` });
    return n;
  });
}

/** Changing the password ends every other session: a stolen cookie stops working. */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const cred = await repo.getCredentials(ctx.db, ctx.actor.userId);
  if (!cred || !(await verifyPassword(cred.passwordHash, input.currentPassword))) {
    throw new DomainError('WRONG_PASSWORD', undefined, { errors: [{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }] });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('WEAK_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại');
  }
  assertStrongPassword(input.newPassword, ctx.actor.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    await repo.upsertPassword(tx, ctx.actor.tenantId, ctx.actor.userId, passwordHash, now);
    const sessions = await repo.revokeUserSessions(tx, ctx.actor.userId, now);
    await audit(ctx, tx, { action: 'auth.password_changed', entityType: 'user', entityId: ctx.actor.userId, summary: `Đổi mật khẩu, kết thúc ${sessions} phiên` });
  });
}

export async function getCurrentUser(ctx: ServiceContext): Promise<CurrentUser> {
  const [user, cred] = await Promise.all([loadAuthUser(ctx.db, ctx.actor.userId), repo.getCredentials(ctx.db, ctx.actor.userId)]);
  if (!user) throw new DomainError('UNAUTHENTICATED');
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    tenant: user.tenant,
    agency: user.agency,
    unit: { id: user.unitId, name: user.unitName },
    positionName: user.positionName,
    roles: user.roles,
    permissions: permissionsOf(user),
    mustChangePassword: !cred?.passwordChangedAt,
  };
}

// ---- API tokens for machine integrations ----

const tokenView = (t: Awaited<ReturnType<typeof repo.listApiTokens>>[number]) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revoked: t.revokedAt !== null,
});

/**
 * A new API token for an integration. Only a person signed in makes one: a token cannot mint tokens, or a
 * leaked one could outlive its own revocation through a successor.
 */
export async function createApiToken(ctx: ServiceContext, input: { name: string; expiresInDays?: number | undefined }) {
  requirePermission(ctx.actor, 'token.manage');
  if (ctx.actor.via === 'token') throw new DomainError('FORBIDDEN', 'Mã truy cập API không được dùng để tạo mã truy cập khác; hãy đăng nhập để tạo');
  const secret = randomToken();
  const token = `${API_TOKEN_PREFIX}${secret}`;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertApiToken(tx, {
      id: newId(),
      tenantId: ctx.actor.tenantId,
      userId: ctx.actor.userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: apiTokenHash(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await audit(ctx, tx, { action: 'auth.token_created', entityType: 'api_token', entityId: row.id, summary: `Tạo mã truy cập API "${input.name}"`, after: { name: input.name, prefix: row.prefix } });
    return { ...tokenView(row), token };
  });
}

export async function listApiTokens(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'token.manage');
  const rows = await repo.listApiTokens(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  return rows.map(tokenView);
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'token.manage');
  const row = await repo.getApiToken(ctx.db, ctx.actor.tenantId, id);
  if (!row || row.userId !== ctx.actor.userId) throw new DomainError('NOT_FOUND', 'Không tìm thấy mã truy cập');
  if (row.revokedAt) return; // already revoked (another tab): nothing changes, nothing more to record
  await ctx.db.transaction(async (tx) => {
    await repo.revokeApiToken(tx, ctx.actor.tenantId, id, new Date());
    await audit(ctx, tx, { action: 'auth.token_revoked', entityType: 'api_token', entityId: id, summary: `Thu hồi mã truy cập API "${row.name}"` });
  });
}
