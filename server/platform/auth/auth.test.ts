import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.js';
import { users } from '../../modules/org/tables.js';
import { auditEntries } from '../audit/tables.js';
import { credentials, sessions } from './tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('refuses a wrong password with a Vietnamese problem+json and no cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu', password: 'sai-mat-khau' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Tên đăng nhập hoặc mật khẩu không đúng', status: 401 });
    expect(res.cookies.find((c) => c.name === 'vps_session')).toBeUndefined();
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khongtontai', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects a malformed body with 400 and field errors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('sets an HttpOnly SameSite=Lax cookie, returns the user and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'VanThu ', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vps_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'vanthu', roles: ['clerk'], tenant: { code: 'an-giang' } });
    expect(body.csrfToken).toHaveLength(43);
    // the session row stores an HMAC, never the cookie value itself
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, body.user.id));
    expect(rows.some((r) => r.id === cookie.value)).toBe(false);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const { buildApp } = await import('../../app.js');
    const { TEST_AUTH } = await import('../../../test/helpers/app.js');
    const proxied = await buildApp({ database: t.database, blobStore: t.blobStore, auth: TEST_AUTH, trustProxy: true, loginRateLimit: 1000 });
    const res = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'vanthu', password: TEST_PASSWORD } });
    expect(res.cookies.find((c) => c.name === 'vps_session')!.secure).toBe(true);
    await proxied.close();
  });
});

describe('sessions and CSRF', () => {
  it('getCurrentUser answers 401 without a session and 200 with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s = await t.login('chuyenvien');
    const res = await t.as(s, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'chuyenvien', permissions: { 'org.read': 'tenant' } }, csrfToken: s.csrf });
  });

  it('refuses an unsafe cookie request without or with a wrong x-csrf-token', async () => {
    const s = await t.login('chuyenvien');
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.json().code).toBe('CSRF_INVALID');
    // the session is still alive
    expect((await t.as(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('logout ends only this session', async () => {
    const a = await t.login('chuyenvien');
    const b = await t.login('chuyenvien');
    expect((await t.as(a, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await t.as(a, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(b, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('logout everywhere ends every session of the user', async () => {
    const a = await t.login('so');
    const b = await t.login('so');
    const res = await t.as(a, { method: 'POST', url: '/api/auth/logout-all' });
    expect(res.json().revokedSessions).toBeGreaterThanOrEqual(2);
    expect((await t.as(a, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(b, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('lockout', () => {
  it('locks the account after repeated failures, even for the right password, then lets it in after the lock', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xa', password: `sai-${i}` } });
      expect(res.statusCode).toBe(i < 2 ? 401 : 423);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xa', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', title: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    const [xa] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'xa'));
    const actions = (await t.database.db.select({ action: auditEntries.action }).from(auditEntries).where(eq(auditEntries.entityId, xa!.id)).orderBy(asc(auditEntries.seq))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.account_locked', 'auth.login_blocked']));

    // the lock expires
    await t.database.db.update(credentials).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(credentials.userId, xa!.id));
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xa', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('throttles login attempts per address', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khongco', password: 'x' } })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('password change', () => {
  it('needs the current password, refuses weak ones, and ends every session', async () => {
    const s = await t.login('motcua');
    const wrong = await t.as(s, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'sai', newPassword: 'Mk-Moi@2025x' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const weak = await t.as(s, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'abc' } });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const ok = await t.as(s, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mk-Moi@2025x' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.as(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(t.login('motcua')).rejects.toThrow(/401/);
    const again = await t.login('motcua', 'Mk-Moi@2025x');
    const me = await t.as(again, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(false);
  });
});

describe('API tokens', () => {
  it('authenticate by Bearer without CSRF, are stored hashed, and stop working when revoked', async () => {
    const admin = await t.login('admin');
    const created = await t.as(admin, { method: 'POST', url: '/api/auth/tokens', payload: { name: 'Trục liên thông' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^vps_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json().user.username).toBe('admin');
    // unsafe request with a token needs no CSRF header
    const unit = await t.app.inject({ method: 'POST', url: '/api/positions', headers: bearer, payload: { name: 'Chuyên gia tích hợp' } });
    expect(unit.statusCode).toBe(201);
    const rows = await t.as(admin, { method: 'GET', url: '/api/auth/tokens' });
    expect(JSON.stringify(rows.json())).not.toContain(token);
    // a token does not mint tokens: a leaked one could otherwise outlive its revocation
    const minted = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: bearer, payload: { name: 'Mã con' } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().detail).toContain('không được dùng để tạo mã truy cập khác');
    expect((await t.as(admin, { method: 'GET', url: '/api/auth/tokens' })).json().items).toHaveLength(rows.json().items.length);
    expect((await t.as(admin, { method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    // revoking again changes nothing and records nothing more
    const audited = async () => (await t.as(admin, { method: 'GET', url: '/api/audit?action=auth.token_revoked' })).json().items?.length;
    const once = await audited();
    expect(once).toBeGreaterThan(0);
    expect((await t.as(admin, { method: 'DELETE', url: `/api/auth/tokens/${id}` })).statusCode).toBe(200);
    expect(await audited()).toBe(once);
  });

  it('refuses a made-up token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/agencies', headers: { authorization: 'Bearer vps_khongphaima' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('deactivated users', () => {
  it('cannot log in, and their open sessions end', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('lanhdao');
    const res = await t.as(admin, { method: 'POST', url: `/api/users/${victim.user.id}/deactivate` });
    expect(res.statusCode).toBe(200);
    expect((await t.as(victim, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
  });
});
