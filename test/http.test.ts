import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('HTTP platform', () => {
  it('answers /api/health with the engine once the database is reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', engine: t.database.engine });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('answers unknown API paths with a problem+json 404 (after authentication)', async () => {
    const res = await t.as(admin, { method: 'GET', url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', title: 'Không tìm thấy' });
  });

  it('refuses bodies over 1 MiB with 413, and broken JSON with 400', async () => {
    const big = await t.as(admin, { method: 'POST', url: '/api/positions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await t.as(admin, { method: 'POST', url: '/api/positions', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('BAD_REQUEST');
  });

  it('refuses unexpected content types with 415', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/positions', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
  });

  it('serves Prometheus metrics with per-route request durations', async () => {
    await t.as(admin, { method: 'GET', url: '/api/agencies' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('vps_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/api\/agencies"/);
    expect(res.body).toContain('vps_process_resident_memory_bytes');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().info.title).toBe('Văn phòng số API');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('keeps the response schema: a user never carries a password hash', async () => {
    const res = await t.as(admin, { method: 'GET', url: '/api/users?pageSize=200' });
    expect(res.body).not.toMatch(/argon2|password_?hash/i);
  });
});
