import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { migrateDatabase, openDatabase, pgliteExtensions, type Database } from '../../server/db/open.js';
import { createScratchDatabase } from '../../server/db/scratch.js';
import { seedDemo } from '../../server/seed/demo.js';
import { TEST_PASSWORD } from './constants.js';

export interface TestDatabase extends Database {
  /** the connection string of this file's own database (PostgreSQL runs only) */
  url?: string;
}

/**
 * A fresh, migrated and seeded database for one test file: a copy of the PGlite template by default,
 * or a new database on the server named by TEST_DATABASE_URL. close() drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([template]), extensions: pgliteExtensions });
    return openDatabase({ pglite: client });
  }
  const scratch = await createScratchDatabase(serverUrl, 'vps_test');
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 5 });
  await migrateDatabase(database);
  await seedDemo(database.db, TEST_PASSWORD);
  return {
    ...database,
    url: scratch.url,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
