import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app.js';
import type { RemoteSigningService } from '../../server/modules/signing/index.js';
import { DiskBlobStore } from '../../server/platform/files/blob-store.js';
import type { AuthSettings } from '../../server/platform/auth/service.js';
import { TEST_PASSWORD } from './constants.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export { TEST_PASSWORD };

export const TEST_AUTH: AuthSettings = { secret: 'test-secret-'.padEnd(40, 'x'), sessionTtlMs: 3600_000, maxFailures: 3, lockMs: 60_000 };

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; tenant: { id: string }; agency: { id: string }; unit: { id: string }; roles: string[] };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  blobStore: DiskBlobStore;
  filesDir: string;
  login(username: string, password?: string): Promise<Session>;
  /** inject as a logged-in user: cookie and CSRF header added */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(options: { loginRateLimit?: number; filesMaxBytes?: number; remoteSigningServices?: RemoteSigningService[] } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'vps-files-'));
  const blobStore = await new DiskBlobStore(filesDir).init();
  const app = await buildApp({ database, blobStore, filesMaxBytes: options.filesMaxBytes, auth: TEST_AUTH, loginRateLimit: options.loginRateLimit ?? 1000, remoteSigningServices: options.remoteSigningServices });
  await app.ready();
  return {
    app,
    database,
    blobStore,
    filesDir,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'vps_session');
      const body = res.json() as { csrfToken: string; user: Session['user'] };
      return { cookie: `vps_session=${setCookie!.value}`, csrf: body.csrfToken, user: body.user };
    },
    as(session, opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
