import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import { audit } from '../audit/service.js';
import { requirePermission } from '../auth/permissions.js';
import type { ServiceContext } from '../context.js';
import { DomainError } from '../http/errors.js';
import { lunarToSolar, solarToLunar, type LunarDate } from './lunar.js';
import { calendarOverrides } from './tables.js';
import { WorkCalendar } from './work-calendar.js';

// Calendars already built, by their overrides: a calendar computes each year's holidays (lunar dates)
// once, so reusing it spares every deadline that work. Keyed by content, an edit is seen at once.
const built = new Map<string, WorkCalendar>();

/** The tenant's calendar: statutory rules in code, the yearly decisions from the overrides table. */
export async function loadWorkCalendar(db: Db, tenantId: string): Promise<WorkCalendar> {
  const query = prepared(db, 'calendar_overrides', (d) =>
    d
      .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name })
      .from(calendarOverrides)
      .where(eq(calendarOverrides.tenantId, sql.placeholder('tenantId')))
      .orderBy(asc(calendarOverrides.date), asc(calendarOverrides.kind))
      .prepare('calendar_overrides'),
  );
  const overrides = await query.execute({ tenantId });
  const key = JSON.stringify(overrides);
  let calendar = built.get(key);
  if (!calendar) {
    if (built.size >= 64) built.clear();
    calendar = new WorkCalendar({ overrides });
    built.set(key, calendar);
  }
  return calendar;
}

const calendarOf = (ctx: ServiceContext) => {
  requirePermission(ctx.actor, 'calendar.read');
  return loadWorkCalendar(ctx.db, ctx.actor.tenantId);
};

export async function isWorkingDay(ctx: ServiceContext, date: string) {
  return (await calendarOf(ctx)).isWorkingDay(date);
}

export async function addWorkingDays(ctx: ServiceContext, from: string, days: number) {
  return { date: (await calendarOf(ctx)).addWorkingDays(from, days) };
}

export async function countWorkingDays(ctx: ServiceContext, from: string, to: string) {
  return { days: (await calendarOf(ctx)).countWorkingDays(from, to) };
}

export async function addWorkingHours(ctx: ServiceContext, from: Date, hours: number) {
  return { at: (await calendarOf(ctx)).addWorkingHours(from, hours) };
}

export async function listHolidays(ctx: ServiceContext, year: number) {
  return { holidays: (await calendarOf(ctx)).holidays(year) };
}

export function convertLunar(ctx: ServiceContext, date: string) {
  requirePermission(ctx.actor, 'calendar.read');
  return { date, lunar: solarToLunar(date) };
}

export function convertSolar(ctx: ServiceContext, lunar: LunarDate) {
  requirePermission(ctx.actor, 'calendar.read');
  try {
    return { date: lunarToSolar(lunar), lunar };
  } catch (err) {
    if (err instanceof RangeError) {
      throw new DomainError('BAD_REQUEST', `Không có ngày ${lunar.day}/${lunar.month}${lunar.leap ? ' (nhuận)' : ''} âm lịch năm ${lunar.year}`);
    }
    throw err;
  }
}

export async function listOverrides(ctx: ServiceContext, year: number) {
  requirePermission(ctx.actor, 'calendar.read');
  const rows = await ctx.db
    .select()
    .from(calendarOverrides)
    .where(
      and(
        eq(calendarOverrides.tenantId, ctx.actor.tenantId),
        gte(calendarOverrides.date, `${year}-01-01`),
        lte(calendarOverrides.date, `${year}-12-31`),
      ),
    )
    .orderBy(asc(calendarOverrides.date));
  return rows.map((r) => ({ id: r.id, date: r.date, kind: r.kind, name: r.name }));
}

export async function createOverride(ctx: ServiceContext, input: { date: string; kind: 'day_off' | 'working_day'; name: string }) {
  requirePermission(ctx.actor, 'calendar.manage');
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: calendarOverrides.id })
      .from(calendarOverrides)
      .where(and(eq(calendarOverrides.tenantId, ctx.actor.tenantId), eq(calendarOverrides.date, input.date)));
    if (existing) throw new DomainError('CONFLICT', `Ngày ${formatVnDate(input.date)} đã có điều chỉnh; hãy xóa điều chỉnh cũ trước`);
    const id = newId();
    await tx.insert(calendarOverrides).values({ id, tenantId: ctx.actor.tenantId, ...input });
    await audit(ctx, tx, {
      action: 'calendar.override_created',
      entityType: 'calendar_override',
      entityId: id,
      summary: `${input.kind === 'day_off' ? 'Thêm ngày nghỉ' : 'Thêm ngày làm bù'} ${formatVnDate(input.date)}: ${input.name}`,
      after: input,
    });
    return { id, ...input };
  });
}

export async function deleteOverride(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'calendar.manage');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(calendarOverrides)
      .where(and(eq(calendarOverrides.tenantId, ctx.actor.tenantId), eq(calendarOverrides.id, id)));
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy điều chỉnh lịch');
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, id));
    await audit(ctx, tx, {
      action: 'calendar.override_deleted',
      entityType: 'calendar_override',
      entityId: id,
      summary: `Xóa điều chỉnh ngày ${formatVnDate(row.date)}: ${row.name}`,
      before: { date: row.date, kind: row.kind, name: row.name },
    });
  });
}

export const formatVnDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');
