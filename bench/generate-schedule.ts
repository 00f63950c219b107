import { and, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/db/open.js';
import { mondayOf } from '../server/modules/meetings/schedule-rules.js';
import { rooms } from '../server/modules/meetings/tables.js';
import { agencies, tenants, users } from '../server/modules/org/tables.js';
import { addDays, vietnamDate } from '../server/platform/calendar/date-only.js';

const WEEKS_BACK = 26;
const WEEKS_AHEAD = 26;
const ENTRIES_PER_WEEK = 40;
const MEETINGS_PER_WEEK = 20;

/**
 * A year of a province's weekly schedules and meetings, inserted by PostgreSQL itself (generate_series):
 * 52 published weeks around today (the demo's own two weeks are left as they are), 40 entries a week with
 * one to two leaders each (Monday to Saturday, some overlapping, so conflicts are computed), and 20 meetings
 * a week in the Office's rooms. Returns the Mondays of the generated weeks.
 */
export async function generateSchedule(database: Database, log: (msg: string) => void): Promise<string[]> {
  const db = database.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  const tenantId = tenant!.id;
  const leaders = await db.select({ id: users.id, name: users.fullName }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.username, ['lanhdao', 'chanhvanphong', 'truongphong'])));
  const [office] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.type, 'provincial_office')));
  const roomIds = (await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.tenantId, tenantId))).map((r) => r.id);
  const thisWeek = mondayOf(vietnamDate(new Date()));
  const weeks = Array.from({ length: WEEKS_BACK + WEEKS_AHEAD }, (_, i) => addDays(thisWeek, 7 * (i - WEEKS_BACK))).filter((w) => w !== thisWeek && w !== addDays(thisWeek, 7));
  const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]::uuid[]`;
  const L = arr(leaders.map((l) => l.id));
  const R = arr(roomIds);
  const weekList = `array[${weeks.map((w) => `'${w}'`).join(',')}]::date[]`;
  await db.execute(sql.raw(`insert into schedule_weeks (id, tenant_id, week_start, state, revision, published_at) select gen_random_uuid(), '${tenantId}', w, 'published', 0, (w - 3)::timestamptz from unnest(${weekList}) as w`));
  log(`  ${weeks.length} tuần lịch công tác`);
  // day i % 6 (Monday..Saturday), slot i / 6 from 07:30 every 90 minutes, two hours long: neighbours overlap
  await db.execute(
    sql.raw(`
    with e as (
      insert into schedule_entries (id, tenant_id, week_id, starts_at, ends_at, room_id, place, content, preparing_agency_id, participants)
      select gen_random_uuid(), '${tenantId}', w.id,
        ((w.week_start + (g.i % 6)) + time '07:30' + (g.i / 6) * interval '90 minutes') at time zone 'Asia/Ho_Chi_Minh',
        ((w.week_start + (g.i % 6)) + time '09:30' + (g.i / 6) * interval '90 minutes') at time zone 'Asia/Ho_Chi_Minh',
        case when g.i % 3 = 0 then (${R})[g.i % ${roomIds.length} + 1] end,
        case when g.i % 3 <> 0 then 'Địa điểm công tác số ' || g.i end,
        'Nội dung công tác tuần ' || to_char(w.week_start, 'IW/YYYY') || ', mục ' || g.i,
        '${office!.id}', 'Các sở, ngành liên quan'
      from schedule_weeks w cross join generate_series(0, ${ENTRIES_PER_WEEK - 1}) as g(i)
      where w.tenant_id = '${tenantId}' and w.week_start = any(${weekList})
      returning id, tenant_id, starts_at
    ), l as (
      insert into schedule_entry_leaders (tenant_id, entry_id, user_id)
      select tenant_id, id, (${L})[(extract(epoch from starts_at)::bigint / 60) % ${leaders.length} + 1] from e
      returning entry_id
    )
    insert into schedule_entry_leaders (tenant_id, entry_id, user_id)
    select tenant_id, id, (${L})[(extract(epoch from starts_at)::bigint / 60 + 1) % ${leaders.length} + 1] from e
    where extract(epoch from starts_at)::bigint % 7 = 0`),
  );
  log(`  ${(weeks.length * ENTRIES_PER_WEEK).toLocaleString('vi-VN')} mục lịch`);
  await db.execute(
    sql.raw(`
    insert into meetings (id, tenant_id, kind, title, organizer_agency_id, chair_user_id, chair_name, starts_at, ends_at, room_id, online_room, state, created_by)
    select gen_random_uuid(), '${tenantId}', (array['ubnd_session','conference','working_session','online_conference'])[g.i % 4 + 1],
      'Cuộc họp ' || g.i || ' tuần ' || to_char(w, 'IW/YYYY'), '${office!.id}', (${L})[g.i % ${leaders.length} + 1], 'Lãnh đạo',
      ((w + (g.i % 5)) + time '08:00' + (g.i / 5) * interval '2 hours') at time zone 'Asia/Ho_Chi_Minh',
      ((w + (g.i % 5)) + time '09:30' + (g.i / 5) * interval '2 hours') at time zone 'Asia/Ho_Chi_Minh',
      (${R})[g.i % ${roomIds.length} + 1], case when g.i % 4 = 3 then 'bench-' || gen_random_uuid() end,
      case when w < '${thisWeek}'::date then 'held' else 'planned' end, '${leaders[0]!.id}'
    from unnest(${weekList}) as w cross join generate_series(0, ${MEETINGS_PER_WEEK - 1}) as g(i)`),
  );
  log(`  ${(weeks.length * MEETINGS_PER_WEEK).toLocaleString('vi-VN')} cuộc họp`);
  return weeks;
}
