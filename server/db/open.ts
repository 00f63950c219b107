import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or an open transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Raw SQL for tests and tools (dumps, tamper simulations); the app goes through Drizzle. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export const pgliteExtensions = { unaccent, pg_trgm };

export interface OpenOptions {
  /** postgres://… ; unset = embedded PGlite */
  databaseUrl?: string | undefined;
  /** PGlite data directory; unset = in memory */
  pgliteDir?: string | undefined;
  /** an existing PGlite (tests load a migrated template) */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      exec: async (text) => {
        await pool.query(text);
      },
      close: async () => {
        await endTunedPools(pool);
        await pool.end();
      },
    };
  }
  let client = options.pglite;
  if (!client) {
    if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
    client = await PGlite.create({ dataDir: options.pgliteDir, extensions: pgliteExtensions });
  }
  const owned = client;
  const db = drizzlePglite(owned, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    exec: async (text) => {
      await owned.exec(text);
    },
    close: () => owned.close(),
  };
}

/** Apply the committed SQL migrations; on a server, one instance at a time. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, config);
    return;
  }
  // Several instances may start together: a session-level advisory lock serializes them.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(724201)`);
    await migratePg(tx as never, config);
  });
}

const tuned = new WeakMap<pg.Pool, Map<string, { pool: pg.Pool; db: Db }>>();

/**
 * On PostgreSQL, a Drizzle handle on a small pool of its own whose connections keep the given settings for
 * their whole session (a plan forced for one kind of query, a short statement timeout): each query is one
 * round trip, with no transaction to scope the settings. Null on the embedded engine.
 */
export function tunedDatabase(db: Db, name: string, settings: Record<string, string | number>): Db | null {
  const main = (db as unknown as { $client?: unknown }).$client;
  if (!(main instanceof pg.Pool)) return null;
  let byName = tuned.get(main);
  if (!byName) {
    byName = new Map();
    tuned.set(main, byName);
  }
  let entry = byName.get(name);
  if (!entry) {
    const options = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    const pool = new pg.Pool({ ...main.options, max: TUNED_POOL_SIZE, options });
    pool.on('error', () => undefined);
    entry = { pool, db: drizzlePg(pool) as unknown as Db };
    byName.set(name, entry);
  }
  return entry.db;
}

const TUNED_POOL_SIZE = 4;

async function endTunedPools(main: pg.Pool) {
  for (const { pool } of tuned.get(main)?.values() ?? []) await pool.end();
  tuned.delete(main);
}
