import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rows = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)) as unknown as { rows: T[] };

describe('demo dossiers (seedDemoDossiers)', () => {
  it('has dossiers in every status the desks and queues show, at both Center locations and Phường Rạch Giá', async () => {
    const { rows: byStatus } = await rows<{ status: number; n: number }>(sql`select status, count(*)::int as n from dossiers d join tenants t on t.id = d.tenant_id where t.code = 'an-giang' group by status order by status`);
    expect(byStatus.map((r) => r.status)).toEqual([1, 3, 4, 5, 7, 8, 9, 10]);
    expect(byStatus.reduce((sum, r) => sum + r.n, 0)).toBe(40);
    const { rows: desks } = await rows<{ name: string }>(sql`select distinct a.name from dossiers d join agencies a on a.id = d.receiving_agency_id`);
    expect(desks.map((d) => d.name).sort()).toEqual([
      'Trung tâm Phục vụ hành chính công tỉnh An Giang – Điểm tiếp nhận số 1',
      'Trung tâm Phục vụ hành chính công tỉnh An Giang – Điểm tiếp nhận số 2',
      'Ủy ban nhân dân phường Rạch Giá',
    ]);
  });

  it('is consistent: received ones have a code and an appointment, events numbered without gaps, early and late results', async () => {
    const { rows: bad } = await rows<{ id: string }>(sql`select id from dossiers where status not in (1, 3) and (code is null or appointment_at is null or received_at is null)`);
    expect(bad).toEqual([]);
    const { rows: gaps } = await rows<{ id: string }>(sql`select dossier_id as id from dossier_events group by dossier_id having max(seq) <> count(*)`);
    expect(gaps).toEqual([]);
    // which returned ones land on the appointment's very day depends on the weekday the seed runs
    const { rows: outcomes } = await rows<{ outcome: string }>(sql`select distinct outcome from dossiers where status = 10 order by outcome`);
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(['early', 'late']));
    const { rows: lateOnline } = await rows<{ n: number }>(sql`select count(*)::int as n from dossiers where status = 1 and receive_due_at < now()`);
    expect(lateOnline[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
