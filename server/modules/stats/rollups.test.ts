import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { newId } from '../../db/columns.js';
import { documentEvents, documentRegisters, documents } from '../documents/tables.js';
import { catchUpStats, drainStats, rebuildStats, verifyStats } from './rollups.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = await database.db.execute(q);
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
};
const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;

describe('the dossier and document rollups', () => {
  it('reconcile with a recount of the seeded data once the pending changes are applied', async () => {
    expect(await verifyStats(database.db)).toEqual([]);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from outbox_events where topic in ('dossier', 'document')`)).n).toBe(0);
    const received = await one<{ days: number; dossiers: number }>(sql`
      select (select coalesce(sum(received), 0)::int from dossier_stat_days) as days, (select count(*)::int from dossiers where received_at is not null) as dossiers`);
    expect(received.days).toBe(received.dossiers);
    expect(received.dossiers).toBeGreaterThan(0);
    const resolved = await one<{ days: number; dossiers: number }>(sql`
      select (select coalesce(sum(resolved), 0)::int from dossier_stat_days) as days, (select count(*)::int from dossiers where outcome is not null and ended_at is not null) as dossiers`);
    expect(resolved.days).toBe(resolved.dossiers);
    const docs = await one<{ counted: number; registered: number }>(sql`
      select (select coalesce(sum(total), 0)::int from document_stat_days where direction = 'incoming') as counted,
        (select count(*)::int from documents where direction = 'incoming' and arrival_number is not null) as registered`);
    expect(docs.counted).toBe(docs.registered);
  });

  it('follow changes of dossiers, their parts and documents made in SQL, through the triggers', async () => {
    const d = await one<{ id: string }>(sql`select id from dossiers where received_at is not null and outcome is null order by id limit 1`);
    // the dossier ends late, gets a dislike and a feedback; a component stops being digitized
    await database.db.execute(sql`update dossiers set status = 9, outcome = 'late', processed_at = now(), ended_at = now() where id = ${d.id}`);
    await database.db.execute(sql`insert into dossier_ratings (dossier_id, tenant_id, satisfied, rated_at) select id, tenant_id, false, now() from dossiers where id = ${d.id}`);
    await database.db.execute(sql`update dossier_components set digitized = not digitized where dossier_id = (select dossier_id from dossier_components order by id limit 1)`);
    // a step hand-off alone writes nothing to the outbox
    const before = (await one<{ n: number }>(sql`select count(*)::int as n from outbox_events`)).n;
    await database.db.execute(sql`update dossiers set current_step = current_step, version = version + 1 where id = ${d.id}`);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from outbox_events`)).n).toBe(before);
    // the demo has no documents: one registered incoming, one outgoing signed and issued
    const clerk = await one<{ id: string; tenant_id: string; agency_id: string }>(sql`select id, tenant_id, agency_id from users where agency_id is not null order by username limit 1`);
    const [incoming, outgoing] = [newId(), newId()];
    const base = { tenantId: clerk.tenant_id, agencyId: clerk.agency_id, channel: 'electronic' as const, senderName: 'Sở Tài chính', typeCode: 'CV', urgency: 'normal', confidentiality: 'normal', createdBy: clerk.id };
    const register = newId();
    await database.db.insert(documentRegisters).values({ id: register, tenantId: clerk.tenant_id, agencyId: clerk.agency_id, direction: 'incoming', name: 'Sổ văn bản đến', secret: false });
    await database.db.insert(documents).values([
      {
        ...base,
        id: incoming,
        direction: 'incoming',
        subject: 'Về việc báo cáo',
        status: 'registered',
        registerId: register,
        arrivalNumber: 1,
        arrivalYear: 2026,
        receivedAt: new Date('2026-03-02T02:00:00Z'),
        codeNumber: '12',
        codeNotation: 'STC-VP',
        issuedDate: '2026-02-27',
      },
      { ...base, id: outgoing, direction: 'outgoing', subject: 'Về việc triển khai', status: 'signed' },
    ]);
    await database.db.insert(documentEvents).values({ id: newId(), tenantId: clerk.tenant_id, documentId: outgoing, kind: 'signed', actorName: 'Lãnh đạo' });
    await database.db.execute(sql`update documents set status = 'issued', issued_at = '2026-03-03T03:00:00Z', issue_number = 7, issue_year = 2026, code_number = '7', issued_date = '2026-03-03' where id = ${outgoing}`);
    await database.db.execute(sql`update documents set received_at = received_at - interval '40 days' where id = ${incoming}`);
    expect(await drainStats(database.db)).toBeGreaterThan(0);
    expect(await verifyStats(database.db)).toEqual([]);
    const late = await one<{ late: number; disliked: number }>(sql`select coalesce(sum(late), 0)::int as late, coalesce(sum(disliked), 0)::int as disliked from dossier_stat_days`);
    const truth = await one<{ late: number; disliked: number }>(sql`
      select (select count(*)::int from dossiers where outcome = 'late' and ended_at is not null) as late,
        (select count(*)::int from dossier_ratings r join dossiers d on d.id = r.dossier_id where not r.satisfied and d.received_at is not null) as disliked`);
    expect(late).toEqual(truth);
    const docs = await rows<{ day: string; direction: string; total: number; signed: number }>(sql`select day::text, direction, total, signed from document_stat_days where total <> 0 order by direction`);
    expect(docs).toEqual([
      { day: '2026-01-21', direction: 'incoming', total: 1, signed: 0 },
      { day: '2026-03-03', direction: 'outgoing', total: 1, signed: 1 },
    ]);
  });

  it('count an entity applied twice once', async () => {
    const snapshot = () => rows(sql`select * from dossier_stat_days order by tenant_id, day, handling_agency_id, receiving_agency_id`);
    const before = await snapshot();
    await database.db.execute(sql`insert into outbox_events (tenant_id, topic, entity_id) select tenant_id, 'dossier', id from dossiers`);
    await database.db.execute(sql`insert into outbox_events (tenant_id, topic, entity_id) select tenant_id, 'dossier', id from dossiers`);
    await catchUpStats(database.db);
    expect(await snapshot()).toEqual(before);
  });

  it('report a tampered counter, and a rebuild repairs it', async () => {
    await database.db.execute(sql`update dossier_stat_days set online = online + 2 where ctid = (select ctid from dossier_stat_days where received > 0 order by day limit 1)`);
    const differences = await verifyStats(database.db);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ table: 'dossier_stat_days', counter: 'online' });
    expect(differences[0]!.rollup - differences[0]!.recount).toBe(2);
    await rebuildStats(database.db);
    expect(await verifyStats(database.db)).toEqual([]);
  });
});
