import type { Db } from './open.js';

const byDatabase = new WeakMap<Db, Map<string, unknown>>();

/**
 * A hot query built once per database handle and sent as a named prepared statement: neither Drizzle's
 * query building nor the server's parsing and planning is paid again on each call. `build` must use
 * `sql.placeholder` for every value and call `.prepare(name)` with the same name.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = byDatabase.get(db);
  if (!queries) {
    queries = new Map();
    byDatabase.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}
