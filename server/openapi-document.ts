import { buildApp } from './app.js';
import type { Database } from './db/open.js';

/** The OpenAPI document as the running server serves it, built without opening a database. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const unused = new Proxy({}, { get: () => { throw new Error('no database while generating the OpenAPI document'); } });
  const database = { db: unused, engine: 'pglite', exec: async () => undefined, close: async () => undefined } as unknown as Database;
  const app = await buildApp({ database, blobStore: unused as never, auth: { secret: 'x'.repeat(32), sessionTtlMs: 1, maxFailures: 1, lockMs: 1 } });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}
