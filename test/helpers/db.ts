import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateDatabase, openDatabase, pgliteExtensions, type Database } from '../../server/db/open.js';
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
  const name = `vps_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateDatabase(database);
  await seedDemo(database.db, TEST_PASSWORD);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
