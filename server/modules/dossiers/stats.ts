import { requirePermission } from '../../platform/auth/permissions.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import { DEFAULT_OFFICE_HOURS, type WorkCalendar } from '../../platform/calendar/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import type { Db } from '../../db/open.js';
import { FEEDBACK_LIMIT_DAYS } from './feedback-deadlines.js';
import * as repo from './stats-repo.js';
import type { DossierFigures, DossierStatsFilter, DossierStatsResponse } from './stats-schemas.js';

/**
 * Percentages of the statistics, computed here once: num ÷ den × 100 rounded half up to 2 decimals (the
 * national index shows 2 decimals); a zero denominator has no rate (null, "—" on screen).
 */
export function percent(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.round((num * 10_000) / den) / 100;
}

/** An average rounded half up to 2 decimals. */
export const average2 = (sum: number, count: number): number => (count === 0 ? 0 : Math.round((sum * 100) / count) / 100);

const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);

export const LEVEL_LABELS: Record<string, string> = { province: 'Cấp tỉnh', commune: 'Cấp xã' };
export const UNKNOWN_LABEL = 'Chưa xác định';

interface Counters {
  received: number;
  inPerson: number;
  online: number;
  postal: number;
  digitized: number;
  reused: number;
  early: number;
  onTime: number;
  late: number;
  inTime: number;
  overdue: number;
  fbTotal: number;
  fbHandled: number;
  fbOnTime: number;
  fbOverdueOpen: number;
  rated: number;
  satisfied: number;
  criteria: Map<string, { sum: number; count: number }>;
}

const emptyCounters = (): Counters => ({
  received: 0,
  inPerson: 0,
  online: 0,
  postal: 0,
  digitized: 0,
  reused: 0,
  early: 0,
  onTime: 0,
  late: 0,
  inTime: 0,
  overdue: 0,
  fbTotal: 0,
  fbHandled: 0,
  fbOnTime: 0,
  fbOverdueOpen: 0,
  rated: 0,
  satisfied: 0,
  criteria: new Map(),
});

function figures(c: Counters): DossierFigures {
  const resolved = c.early + c.onTime + c.late;
  const fbDen = c.fbHandled + c.fbOverdueOpen;
  return {
    received: { total: c.received, inPerson: c.inPerson, online: c.online, postal: c.postal },
    resolved: { total: resolved, early: c.early, onTime: c.onTime, late: c.late, onTimeRate: percent(c.early + c.onTime, resolved) },
    pending: { total: c.inTime + c.overdue, inTime: c.inTime, overdue: c.overdue },
    onlineShare: percent(c.online, c.received),
    digitized: c.digitized,
    digitizedShare: percent(c.digitized, c.received),
    reused: c.reused,
    reuseShare: percent(c.reused, c.received),
    feedback: { total: c.fbTotal, handled: c.fbHandled, handledOnTime: c.fbOnTime, overdueOpen: c.fbOverdueOpen, onTimeRate: percent(c.fbOnTime, fbDen) },
    satisfaction: {
      rated: c.rated,
      satisfied: c.satisfied,
      rate: percent(c.satisfied, c.rated),
      criteria: [...c.criteria.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([criterion, v]) => ({ criterion, average: average2(v.sum, v.count), count: v.count })),
    },
  };
}

/** Each calendar day of [from, to]: working or not, and the working days before it (the calendar's office hours). */
export function workdayTable(calendar: WorkCalendar, from: string, to: string): repo.WorkdayTable {
  const table: repo.WorkdayTable = { dates: [], before: [], working: [], intervals: officeIntervals(), minutesPerDay: calendar.hoursPerDay * 60 };
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const working = calendar.isWorkingDay(d).workingDay;
    table.dates.push(d);
    table.before.push(n);
    table.working.push(working);
    if (working) n += 1;
  }
  return table;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const officeIntervals = (): [number, number][] => DEFAULT_OFFICE_HOURS.map((h) => [minutesOf(h.start), minutesOf(h.end)]);

/** Feedback deadlines (feedback-deadlines.ts, indicator 5.2) in working minutes. */
const feedbackLimits = (calendar: WorkCalendar): repo.FeedbackLimits => {
  const day = calendar.hoursPerDay * 60;
  return { refuse: FEEDBACK_LIMIT_DAYS.refuse * day, moreInfo: FEEDBACK_LIMIT_DAYS.request_info * day, resolve: FEEDBACK_LIMIT_DAYS.resolve * day, publish: FEEDBACK_LIMIT_DAYS.publish * day };
};

/**
 * Statistics of the one-stop dossiers for a period (Việt Nam days) and a grouping: received by channel,
 * resolved early / on time / late, pending in time / overdue at the period's end, online, digitized and
 * reuse shares, feedback handled on time and satisfaction. Those with `dossier.stats` see the province.
 */
export async function getDossierStats(ctx: ServiceContext, q: DossierStatsFilter, now = new Date()): Promise<DossierStatsResponse> {
  requirePermission(ctx.actor, 'dossier.stats');
  const today = vietnamDate(now);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw new DomainError('BAD_REQUEST', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', { errors: [{ path: 'from', message: 'Sau ngày kết thúc' }] });
  if (addDays(from, 3660) < to) throw new DomainError('BAD_REQUEST', 'Kỳ thống kê dài tối đa 10 năm', { errors: [{ path: 'from', message: 'Kỳ quá dài' }] });
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const cutoff = end < now ? end : now;
  const scope: repo.StatsScope = { tenantId: ctx.actor.tenantId, groupBy: q.groupBy, agencyId: q.agencyId, locationId: q.locationId, procedureId: q.procedureId, level: q.level };
  const calendar = await loadWorkCalendar(ctx.db, ctx.actor.tenantId);
  const lastDay = today > to ? today : to;
  const [received, resolved, pending, feedback, ratings] = await Promise.all([
    repo.receivedCounts(ctx.db, scope, start, end),
    repo.resolvedCounts(ctx.db, scope, start, end),
    repo.pendingCounts(ctx.db, scope, cutoff),
    repo.feedbackCounts(ctx.db, scope, start, end, cutoff, workdayTable(calendar, from, addDays(lastDay, 1)), feedbackLimits(calendar)),
    repo.ratingCounts(ctx.db, scope, start, end),
  ]);

  const groups = new Map<string | null, Counters>();
  const total = emptyCounters();
  const bucket = (key: string | null) => {
    let c = groups.get(key);
    if (!c) groups.set(key, (c = emptyCounters()));
    return c;
  };
  const add = (key: string | null, fill: (c: Counters) => void) => {
    fill(bucket(key));
    fill(total);
  };
  for (const r of received)
    add(r.key, (c) => {
      c.received += r.total;
      c.inPerson += r.in_person;
      c.online += r.online;
      c.postal += r.postal;
      c.digitized += r.digitized;
      c.reused += r.reused;
    });
  for (const r of resolved)
    add(r.key, (c) => {
      c.early += r.early;
      c.onTime += r.on_time;
      c.late += r.late;
    });
  for (const r of pending)
    add(r.key, (c) => {
      c.inTime += r.in_time;
      c.overdue += r.overdue;
    });
  for (const r of feedback)
    add(r.key, (c) => {
      c.fbTotal += r.total;
      c.fbHandled += r.handled;
      c.fbOnTime += r.on_time;
      c.fbOverdueOpen += r.overdue_open;
    });
  for (const r of ratings.ratings)
    add(r.key, (c) => {
      c.rated += r.rated;
      c.satisfied += r.satisfied;
    });
  for (const r of ratings.criteria)
    add(r.key, (c) => {
      const v = c.criteria.get(r.criterion) ?? { sum: 0, count: 0 };
      v.sum += Number(r.total);
      v.count += r.count;
      c.criteria.set(r.criterion, v);
    });

  const keys = [...groups.keys()].filter((k): k is string => k !== null);
  const labels = await repo.labelsFor(ctx.db, ctx.actor.tenantId, q.groupBy, keys);
  const labelOf = (key: string | null) => (key === null ? UNKNOWN_LABEL : q.groupBy === 'level' ? (LEVEL_LABELS[key] ?? key) : (labels.get(key) ?? UNKNOWN_LABEL));
  const rows = [...groups.entries()]
    .map(([key, c]) => ({ key, label: labelOf(key), ...figures(c) }))
    // deterministic: by name in Vietnamese order, the unknown group last, then by key
    .sort((a, b) => Number(a.key === null) - Number(b.key === null) || a.label.localeCompare(b.label, 'vi') || String(a.key).localeCompare(String(b.key)));
  return { from, to, groupBy: q.groupBy, rows, total: figures(total) };
}

/**
 * The feedback figures of the service index (indicators 5.1–5.3) for one agency or the province, without a
 * permission check (the caller holds stats.read): submitted in [from, to], handled within the deadlines, open past
 * them, about regulations or procedures, and those taken off 5.3 (dissatisfied, late or open past a deadline,
 * repeated by a later one), each once; in total and per agency.
 */
export async function feedbackFigures(db: Db, tenantId: string, agencyId: string | null, from: string, to: string, calendar: WorkCalendar, now = new Date()) {
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const cutoff = end < now ? end : now;
  const today = vietnamDate(now);
  const lastDay = today > to ? today : to;
  const scope: repo.StatsScope = { tenantId, groupBy: 'agency', agencyId: agencyId ?? undefined };
  const rows = await repo.feedbackCounts(db, scope, start, end, cutoff, workdayTable(calendar, from, addDays(lastDay, 1)), feedbackLimits(calendar));
  const figures = (of: repo.FeedbackRow[]) => {
    const sum = (k: 'total' | 'handled' | 'on_time' | 'overdue_open' | 'about_rules' | 'taken_off') => of.reduce((s, r) => s + Number(r[k]), 0);
    return { total: sum('total'), handled: sum('handled'), onTime: sum('on_time'), overdueOpen: sum('overdue_open'), aboutRules: sum('about_rules'), satisfiedNum: sum('total') - sum('taken_off') };
  };
  return { total: figures(rows), byAgency: new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, figures([r])])) };
}
