import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../server/db/open.js';
import { agencies, tenants, users } from '../server/modules/org/tables.js';
import { rebuildTaskStats } from '../server/modules/tasks/rollup.js';
import { addDays, vietnamDate } from '../server/platform/calendar/date-only.js';

const COMMUNES = ['commune_committee', 'ward_committee', 'special_zone_committee'];
const CONTENTS = [
  'Rà soát, đề xuất phương án bố trí kinh phí chuyển đổi số',
  'Báo cáo tiến độ giải ngân vốn đầu tư công',
  'Kiểm tra công tác phòng cháy, chữa cháy tại khu dân cư',
  'Tổng hợp kết quả giải quyết thủ tục hành chính đúng hạn',
  'Xử lý dứt điểm hồ sơ đất đai tồn đọng',
  'Triển khai kế hoạch phòng, chống thiên tai mùa mưa bão',
  'Báo cáo tình hình an toàn thực phẩm dịp Tết',
  'Hoàn thiện hồ sơ sắp xếp đơn vị hành chính',
];

/**
 * A year of a province's tasks, inserted by PostgreSQL itself (generate_series) in batches: assigned over
 * the 365 days up to today, two fifths to the provincial agencies and the rest to communes, deadlines 5 to
 * 60 days after assignment, and states as a follow-up office sees them — most past-deadline tasks done
 * (a fifth of those late), some reported and waiting, some overdue; recent ones open at every step.
 */
export async function generateTasks(database: Database, count: number, log: (msg: string) => void): Promise<{ today: string }> {
  const db = database.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  const tenantId = tenant!.id;
  const [leader] = await db.select({ id: users.id, name: users.fullName, agencyId: users.agencyId }).from(users).where(eq(users.username, 'lanhdao'));
  const provincial = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), notInArray(agencies.type, [...COMMUNES, 'province_committee']))).orderBy(agencies.sortOrder);
  const communes = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), inArray(agencies.type, COMMUNES))).orderBy(agencies.sortOrder);
  const today = vietnamDate(new Date());
  const first = addDays(today, -364);
  const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
  const P = provincial.length;
  const C = communes.length;
  const batch = 50_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await db.execute(
      sql.raw(`
      insert into tasks (id, tenant_id, content, expected_result, source_kind, source_reference, priority, assigned_by, assigned_by_name,
        assigner_agency_id, primary_agency_id, state, assigned_on, deadline, original_deadline, progress, reported_on, completed_on, created_at, updated_at)
      select gen_random_uuid(), '${tenantId}', (${arr(CONTENTS)})[g.i % ${CONTENTS.length} + 1] || ' (đợt ' || g.i || ')', 'Báo cáo kết quả',
        'instruction', 'Kết luận giao ban tuần', case when g.i % 20 = 0 then 'urgent' when g.i % 7 = 0 then 'high' else 'normal' end,
        '${leader!.id}', '${leader!.name.replace(/'/g, "''")}', '${leader!.agencyId}',
        case when g.i % 5 < 2 then (${arr(provincial.map((a) => a.id))})[g.i % ${P} + 1] else (${arr(communes.map((a) => a.id))})[g.i % ${C} + 1] end::uuid,
        g.state, g.assigned, g.deadline, g.deadline, case g.state when 'confirmed_done' then 100 when 'reported_done' then 100 when 'in_progress' then 50 else 0 end,
        case when g.state in ('reported_done', 'confirmed_done') then g.reported end,
        case when g.state = 'confirmed_done' then g.reported end,
        g.assigned::timestamptz, g.assigned::timestamptz
      from (
        select i, assigned, deadline,
          -- done tasks: four in five reported by the deadline, the rest up to 10 days after it
          -- (never after today: a report does not lie in the future)
          least(case when i % 5 = 0 then deadline + (1 + i % 10) else deadline - (i % 4) end, '${today}'::date) as reported,
          case
            when deadline < '${today}'::date then (array['confirmed_done','confirmed_done','confirmed_done','confirmed_done','confirmed_done','confirmed_done','confirmed_done','reported_done','in_progress','accepted'])[i % 10 + 1]
            else (array['assigned','assigned','accepted','in_progress','in_progress','in_progress','reported_done','confirmed_done'])[i % 8 + 1]
          end as state
        from (select i, '${first}'::date + (i * 7919 % 365) as assigned, '${first}'::date + (i * 7919 % 365) + (5 + i % 56) as deadline from generate_series(${start}, ${end}) as i) s
      ) g`),
    );
    log(`  ${(end + 1).toLocaleString('vi-VN')} nhiệm vụ`);
  }
  // a bulk load is counted once by a recount instead of task by task through the outbox
  await rebuildTaskStats(db);
  return { today };
}
