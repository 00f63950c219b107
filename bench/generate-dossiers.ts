import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../server/db/open.js';
import { agencies, tenants, users } from '../server/modules/org/tables.js';
import { rebuild } from '../server/modules/stats/rollup-engine.js';
import { DOSSIER_ROLLUP } from '../server/modules/stats/rollups.js';
import { vietnamDate } from '../server/platform/calendar/date-only.js';

const COMMUNES = ['commune_committee', 'ward_committee', 'special_zone_committee'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng', 'Hữu', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Em', 'Giang', 'Hà', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Yến'];
const PLACES = ['phường Rạch Giá', 'phường Long Xuyên', 'phường Châu Đốc', 'xã An Phú', 'xã Tri Tôn', 'đặc khu Phú Quốc', 'phường Hà Tiên', 'xã Hòn Đất'];

/** What the dossier scenarios need from the generated data. */
export interface DossierBenchData {
  /** received dossiers a citizen looks up: code and the phone given at intake */
  lookups: { code: string; contact: string }[];
  /** open dossiers of Sở Tài chính at a step nobody is assigned to: any of its staff may advance them */
  transitionPool: string[];
  /** a province-level procedure of Sở Tài chính and its required components, for intake */
  intake: { procedureId: string; componentIds: string[] };
}

/**
 * `count` dossiers of three years, inserted by PostgreSQL itself (`insert … select generate_series`) in chunks,
 * each with its "received" event: over the tenant's active procedures, received at the Center's two locations
 * (province level) or at the competent commune's desk (commune level), a third online; most ended (returned,
 * some processed, a few withdrawn) with early / on-time / late outcomes, one in thirty still open at the
 * handling step. The first ones form the pool of the transition scenario: open at Sở Tài chính, unassigned,
 * at the step after reception. Codes are `<receiving unit>-YYMMDD-<7 digits>` (the long tail of synced
 * dossiers), unique, and days run up to yesterday so the live intake's 4-digit codes never meet them.
 */
export async function generateDossiers(database: Database, count: number, log: (msg: string) => void, options: { rebuildIndexes?: boolean } = {}): Promise<DossierBenchData> {
  const db = database.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  const tenantId = tenant!.id;
  const [handler] = await db.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.username, 'so'));
  const [officer] = await db.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.username, 'motcua'));
  const stc = handler!.agencyId;
  const locations = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.type, 'service_center_location'))).orderBy(agencies.sortOrder);
  const communes = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.type, COMMUNES))).orderBy(agencies.sortOrder);
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const procs = rows<{ id: string; code: string; name: string; level: string; agency: string | null; hours: number; steps: number; handling: number }>(
    await db.execute(sql`
      select p.id, p.code, p.name, p.level, p.competent_agency_id as agency,
        case p.time_unit when 'working_hours' then p.time_limit when 'months' then p.time_limit * 176 else p.time_limit * 8 end::float as hours,
        count(s.id)::int as steps, coalesce(min(s.position) filter (where s.role = 'handling'), 2)::int as handling
      from procedures p join procedure_steps s on s.procedure_id = p.id
      where p.tenant_id = ${tenantId} and p.active
      group by p.id order by p.code`),
  );
  const stcProc = procs.find((p) => p.agency === stc && p.steps >= 5);
  if (!stcProc || locations.length === 0 || communes.length === 0) throw new Error('generateDossiers: the demo procedures (Sở Tài chính) and agencies are needed');
  const poolSize = Math.min(30_000, Math.max(2_000, Math.floor(count / 100)), count);
  const arr = (xs: (string | null)[]) => `array[${xs.map((x) => (x === null ? 'null' : `'${x.replace(/'/g, "''")}'`)).join(',')}]`;
  const P = procs.length;
  const L = locations.length;
  const C = communes.length;
  const yesterday = vietnamDate(new Date(Date.now() - 86_400_000));
  const batch = 100_000;
  const g0 = performance.now();
  // a large load builds the secondary indexes once at the end, from their own definitions (as a restore would)
  const recreate = (options.rebuildIndexes ?? count >= 200_000) ? await dropIndexes(database, ['dossiers', 'dossier_events']) : [];
  // the dashboard's rollup is recounted once at the end instead of dossier by dossier through the outbox
  await database.exec('ALTER TABLE dossiers DISABLE TRIGGER USER');
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    // per i: the procedure (the pool: Sở Tài chính's), the day (pool and open ones: the last 20 days), where it
    // was received and who handles it, then every column from those
    await db.execute(
      sql.raw(`
      with g as (
        select i, pi, pool, open,
          (${arr(procs.map((p) => p.level))})[pi] as level,
          (${arr(procs.map((p) => p.agency))})[pi]::uuid as competent,
          (${arr(procs.map((p) => String(p.hours)))})[pi]::float as hours,
          (${arr(procs.map((p) => String(p.handling)))})[pi]::int as handling,
          make_timestamptz(extract(year from rday)::int, extract(month from rday)::int, extract(day from rday)::int, 7, 30, 0, 'Asia/Ho_Chi_Minh') + (i % 420) * interval '1 minute' as received,
          (${arr(communes.map((c) => c.id))})[i % ${C} + 1]::uuid as commune,
          (${arr(locations.map((c) => c.id))})[i % ${L} + 1]::uuid as location
        from (
          select i, pool, open, case when pool then ${procs.indexOf(stcProc) + 1} else i % ${P} + 1 end as pi,
            '${yesterday}'::date - case when pool or open then i % 20 else 20 + ((i::bigint * 7919) % 1075)::int end as rday
          from (select i, i < ${poolSize} as pool, i >= ${poolSize} and i % 30 = 1 as open from generate_series(${start}, ${end}) as i) s
        ) s
      ),
      r as (
        select g.*, case when level = 'commune' then commune else location end as receiving, coalesce(competent, commune) as handling_agency,
          received + (hours / 8 * 1.4) * interval '1 day' as appointment,
          received + ((i % 23) * 0.1 * hours / 8 * 1.4) * interval '1 day' as ended
        from g
      ),
      d as (
        insert into dossiers (id, tenant_id, code, procedure_id, procedure_code, procedure_name, channel, status, applicant_kind, applicant_name,
          applicant_id_number, applicant_phone, applicant_address, delivery_method, receiving_agency_id, counter, received_by, handling_agency_id,
          submitted_at, received_at, clock_start_at, appointment_at, original_appointment_at, current_step, current_agency_id, current_assignee_id,
          current_step_started_at, current_step_due_at, supplement_count, paused_since, processed_at, returned_at, ended_at, outcome, closing_reason,
          result_summary, result_electronic, result_digitized, created_at, updated_at)
        select gen_random_uuid(), '${tenantId}', a.identifier_code || '-' || to_char(r.received at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((r.i + 1)::text, 7, '0'),
          (${arr(procs.map((p) => p.id))})[r.pi]::uuid, (${arr(procs.map((p) => p.code))})[r.pi], (${arr(procs.map((p) => p.name))})[r.pi],
          case when r.i % 10 < 3 then 2 when r.i % 10 = 9 then 3 else 1 end,
          case when r.pool then 4 when r.open then (case when r.i % 17 = 0 then 5 else 4 end) when r.i % 50 = 7 then 7 when r.i % 20 = 3 then 9 else 10 end,
          'person', (${arr(FAMILY)})[r.i % ${FAMILY.length} + 1] || ' ' || (${arr(MIDDLE)})[r.i / 7 % ${MIDDLE.length} + 1] || ' ' || (${arr(GIVEN)})[r.i / 3 % ${GIVEN.length} + 1],
          '0' || lpad((89000000000 + r.i)::text, 11, '0'), '09' || lpad((r.i % 100000000)::text, 8, '0'),
          'Số ' || (r.i % 300 + 1) || ', ' || (${arr(PLACES)})[r.i % ${PLACES.length} + 1] || ', tỉnh An Giang',
          case when r.i % 10 = 9 then 'post' else 'counter' end, r.receiving, case when r.level = 'commune' then null else 'Quầy ' || (r.i % 12 + 1) end,
          '${officer!.id}', r.handling_agency, r.received - interval '10 minutes', r.received, r.received, r.appointment, r.appointment,
          case when r.pool then 2 when r.open then r.handling end,
          case when r.pool or r.open then r.handling_agency end,
          case when r.open and not r.pool and r.handling_agency = '${stc}' then '${handler!.id}'::uuid end,
          case when r.pool or r.open then r.received + interval '4 hours' end,
          case when r.pool or r.open then r.received + (r.hours / 8 * 0.9) * interval '1 day' end,
          case when r.open and r.i % 17 = 0 then 1 else 0 end,
          case when r.open and not r.pool and r.i % 17 = 0 then r.received + interval '1 day' end,
          case when not (r.pool or r.open) and r.i % 50 <> 7 then r.ended end,
          case when not (r.pool or r.open) and r.i % 50 <> 7 and r.i % 20 <> 3 then r.ended + interval '1 day' end,
          case when not (r.pool or r.open) then r.ended end,
          case when r.pool or r.open then null when r.i % 23 < 12 then 'early' when r.i % 23 < 21 then 'on_time' else 'late' end,
          case when not (r.pool or r.open) and r.i % 50 = 7 then 'Người nộp xin rút hồ sơ' end,
          case when not (r.pool or r.open) and r.i % 50 <> 7 then 'Kết quả số ' || r.i end,
          not (r.pool or r.open), not (r.pool or r.open),
          r.received, coalesce(case when not (r.pool or r.open) then r.ended end, r.received)
        from r join agencies a on a.id = r.receiving
        returning id, received_at, received_by
      )
      insert into dossier_events (id, dossier_id, seq, kind, at, actor_id, actor_name, from_status, to_status)
      select gen_random_uuid(), d.id, 1, 'received', d.received_at, d.received_by, 'Huỳnh Văn Tâm', null, 2 from d`),
    );
    log(`  ${(end + 1).toLocaleString('vi-VN')} hồ sơ (${Math.round((performance.now() - g0) / 100) / 10} s)`);
  }
  if (recreate.length > 0) {
    log(`  tạo lại ${recreate.length} chỉ mục…`);
    for (const def of recreate) await database.exec(def);
  }
  await database.exec('ALTER TABLE dossiers ENABLE TRIGGER USER');
  const r0 = performance.now();
  await rebuild(db, DOSSIER_ROLLUP);
  log(`  số liệu tổng hợp hồ sơ (${Math.round((performance.now() - r0) / 100) / 10} s)`);
  // what the scenarios use: a sample of codes with their phones, the pool, and the intake's procedure
  const percent = Math.min(100, (4_000 / count) * 100);
  const lookups = rows<{ code: string; contact: string }>(
    await db.execute(sql.raw(`select code, applicant_phone as contact from dossiers tablesample bernoulli (${percent}) where tenant_id = '${tenantId}' and code is not null limit 2000`)),
  );
  const transitionPool = rows<{ id: string }>(
    await db.execute(sql`select id from dossiers where tenant_id = ${tenantId} and current_agency_id = ${stc} and current_assignee_id is null and ended_at is null and status = 4 order by id limit ${poolSize}`),
  ).map((r) => r.id);
  const componentIds = rows<{ id: string }>(await db.execute(sql`select id from procedure_components where procedure_id = ${stcProc.id} and required order by position`)).map((r) => r.id);
  return { lookups, transitionPool, intake: { procedureId: stcProc.id, componentIds } };
}

/** Drops every index of the tables except primary keys and returns the statements that make them again. */
async function dropIndexes(database: Database, tables: string[]): Promise<string[]> {
  const list = `{${tables.join(',')}}`;
  const result = await database.db.execute(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${list}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  const rows = (result as unknown as { rows: { name: string; def: string }[] }).rows;
  for (const r of rows) await database.exec(`drop index if exists "${r.name}"`);
  return rows.map((r) => r.def);
}
