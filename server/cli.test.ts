import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/helpers/db.js';
import { runCli } from './cli.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const run = async (...args: string[]) => {
  const lines: string[] = [];
  const code = await runCli(database, args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

describe('npm run cli -- stats', () => {
  it('verify reconciles the rollups with a full recount and says how long it took', async () => {
    const { code, text } = await run('stats', 'verify');
    expect(code).toBe(0);
    expect(text).toMatch(/Nhiệm vụ: .* khớp\./);
    expect(text).toContain('Hồ sơ và văn bản: khớp.');
    expect(text).toMatch(/Thời gian đối chiếu: [\d,]+ giây\./);
  });

  it('verify exits 1 on a tampered counter, and rebuild repairs it', async () => {
    await database.db.execute(sql`update dossier_stat_months set received = received + 1 where ctid = (select ctid from dossier_stat_months limit 1)`);
    const bad = await run('stats', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(/LỆCH 1 số liệu/);
    expect(bad.text).toMatch(/dossier_stat_months .* received: tổng hợp \d+, đếm lại \d+/);
    expect((await run('stats', 'rebuild')).code).toBe(0);
    expect((await run('stats', 'verify')).code).toBe(0);
  });
});
