import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteExtensions } from '../server/db/open.js';

/**
 * The database's own limit on this machine: single-row INSERTs, one after another, straight through the
 * driver (no app, no HTTP). Each scenario is read as a ratio to it.
 */
export async function insertsPerSecond(target: { url?: string; pgliteDir?: string }, seconds: number): Promise<number> {
  const ddl = 'create table if not exists bench_baseline (id bigserial primary key, payload text not null, at timestamptz not null default now())';
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  if (target.url) {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(ddl);
    const t0 = performance.now();
    while (performance.now() < deadline) {
      await client.query('insert into bench_baseline (payload) values ($1)', [`row ${n}`]);
      n += 1;
    }
    const rate = n / ((performance.now() - t0) / 1000);
    await client.query('drop table bench_baseline');
    await client.end();
    return rate;
  }
  const db = await PGlite.create({ dataDir: target.pgliteDir, extensions: pgliteExtensions });
  await db.exec(ddl);
  const t0 = performance.now();
  while (performance.now() < deadline) {
    await db.query('insert into bench_baseline (payload) values ($1)', [`row ${n}`]);
    n += 1;
  }
  const rate = n / ((performance.now() - t0) / 1000);
  await db.exec('drop table bench_baseline');
  await db.close();
  return rate;
}
